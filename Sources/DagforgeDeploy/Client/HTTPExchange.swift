import CCurl
import Foundation

/// One HTTP request to the engine, sent through libcurl's easy interface on a thread of its own.
///
/// Not URLSession: on Linux, FoundationNetworking drives libcurl through dispatch sources whose event loop
/// kept a core busy for as long as an answer was awaited (2.5 s of CPU while waiting 3 s for 100 bytes) and
/// spent 2 s of CPU receiving the 65 MB `/all` of 4,000 workflows, which curl receives in under 0.1 s. A plan
/// waits for `/all` while the specs compile on the same cores (docs/benchmarks.md, "Deploy").
struct HTTPExchange: Sendable {
    var method: String
    var url: String
    var headers: [String: String]
    var body: Data?
    /// Seconds to connect, and seconds without a byte before giving up (what URLSession's request timeout was).
    var timeout: Double

    /// The status code and body; throws `HTTPTransportError` when no answer arrived.
    func perform(reusing handles: CurlHandles) async throws -> (body: Data, status: Int) {
        try await withCheckedThrowingContinuation { continuation in
            // A blocking transfer must not hold one of the few threads Swift concurrency runs tasks on.
            Thread {
                continuation.resume(with: Result { try handles.withHandle { try perform(on: $0) } })
            }.start()
        }
    }

    private func perform(on handle: UnsafeMutableRawPointer) throws -> (body: Data, status: Int) {
        let response = ResponseBody(handle: handle)
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        // An empty `Expect:` keeps libcurl from asking for `100 Continue` before larger bodies (a second's wait
        // with servers that do not answer it).
        for line in headers.sorted(by: { $0.key < $1.key }).map({ "\($0.key): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        defer { curl_slist_free_all(headerList) }
        let seconds = max(1, Int(timeout.rounded(.up)))
        var results = [
            dagforge_curl_set_string(handle, CURLOPT_URL, url),
            dagforge_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList),
            dagforge_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText),
            dagforge_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
            dagforge_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, seconds),
            dagforge_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
            dagforge_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, seconds),
            dagforge_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1),
            dagforge_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            dagforge_curl_set_long(handle, CURLOPT_BUFFERSIZE, 512 * 1024),
            dagforge_curl_set_write_function(handle) { data, size, count, context in
                let length = size * count
                if let data, let context, length > 0 {
                    Unmanaged<ResponseBody>.fromOpaque(context).takeUnretainedValue()
                        .append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
                }
                return length
            },
            dagforge_curl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(response).toOpaque()),
        ]
        if method != "GET" && method != "POST" { results.append(dagforge_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
        if let body {
            results.append(dagforge_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
            results.append(body.isEmpty ? dagforge_curl_set_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                : body.withUnsafeBytes { dagforge_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) })
        }
        if let failed = results.first(where: { $0 != CURLE_OK }) {
            throw HTTPTransportError(message: String(cString: curl_easy_strerror(failed)))
        }
        let code = withExtendedLifetime(response) { curl_easy_perform(handle) }
        guard code == CURLE_OK else {
            let detail = String(cString: errorText)
            throw HTTPTransportError(message: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        return (response.data, dagforge_curl_response_code(handle))
    }
}

/// Why no answer arrived (connection refused, timeout, TLS), in libcurl's words.
struct HTTPTransportError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Where libcurl's write callback appends the body; lives for one transfer.
private final class ResponseBody {
    private(set) var data = Data()
    private let handle: UnsafeMutableRawPointer

    init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    /// The first piece reserves the whole answer when its length is known (`/all` of 4,000 workflows is 65 MB:
    /// grown piece by piece it was copied and its fresh pages cleared several times over).
    func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if data.isEmpty {
            let announced = dagforge_curl_content_length(handle)
            if announced > count, announced <= Self.largestReservation { data.reserveCapacity(Int(announced)) }
        }
        data.append(bytes, count: count)
    }

    /// A bound on what a Content-Length header alone may make us reserve.
    private static let largestReservation: curl_off_t = 1 << 30
}

/// Easy handles kept between calls: each keeps its connections open, so a run of calls to the same engine does
/// not connect again for each. Calls at the same time take different handles.
final class CurlHandles: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []
    private static let ready = dagforge_curl_global_init()

    func withHandle<Result>(_ body: (UnsafeMutableRawPointer) throws -> Result) throws -> Result {
        guard Self.ready == CURLE_OK, let handle = lock.withLock({ idle.popLast() }) ?? curl_easy_init() else {
            throw HTTPTransportError(message: "libcurl could not be initialised")
        }
        defer {
            curl_easy_reset(handle)
            lock.withLock { idle.append(handle) }
        }
        return try body(handle)
    }

    deinit {
        idle.forEach { curl_easy_cleanup($0) }
    }
}
