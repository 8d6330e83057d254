import DagforgeWire
import Foundation
import NIOCore

/// Writes DolphinScheduler's result envelope `{code, msg, data, success, failed}` around JSON `data` that is
/// already encoded (so large DAG lists are spliced, not re-encoded). Same shape as `DagforgeWire.Envelope`.
enum EnvelopeBody {
    /// The envelope as the response body: one buffer of the final size, so a 65 MB `/all` is copied once.
    static func buffer(code: Int, msg: String, dataJSON: String) -> ByteBuffer {
        let message = (try? WireJSON.string(msg)) ?? "\"\""
        let success = code == 0
        let head = "{\"code\":\(code),\"msg\":\(message),\"data\":"
        let tail = ",\"success\":\(success),\"failed\":\(!success)}"
        var buffer = ByteBuffer()
        buffer.reserveCapacity(head.utf8.count + dataJSON.utf8.count + tail.utf8.count)
        buffer.writeString(head)
        buffer.writeString(dataJSON)
        buffer.writeString(tail)
        return buffer
    }
}
