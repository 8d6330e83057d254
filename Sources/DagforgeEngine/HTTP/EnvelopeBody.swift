import DagforgeWire
import Foundation

/// Writes DolphinScheduler's result envelope `{code, msg, data, success, failed}` around JSON `data` that is
/// already encoded (so large DAG lists are spliced, not re-encoded). Same shape as `DagforgeWire.Envelope`.
enum EnvelopeBody {
    static func render(code: Int, msg: String, dataJSON: String) -> String {
        let message = (try? WireJSON.string(msg)) ?? "\"\""
        let success = code == 0
        return "{\"code\":\(code),\"msg\":\(message),\"data\":\(dataJSON),\"success\":\(success),\"failed\":\(!success)}"
    }
}
