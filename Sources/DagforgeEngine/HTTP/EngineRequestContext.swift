import Hummingbird
import NIOCore

/// Per-request context: the client address (login records it) and DolphinScheduler's 5 MB body limit.
struct EngineRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// `server.jetty.max-http-form-post-size: 5000000`.
    var maxUploadSize: Int { 5_000_000 }
}
