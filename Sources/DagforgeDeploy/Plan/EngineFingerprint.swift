import Crypto
import DagforgeWire
import Foundation

/// Identifies the state of one workflow on an engine: its code, version, release state, last update and
/// its schedule. Every definition PUT mints a version (reference §16.13), so any edit changes it. A saved
/// plan records it; apply refuses when it no longer matches.
public enum EngineFingerprint {
    public static let absent = "absent"

    public static func of(_ dag: DagSummary?, schedule: Schedule?) -> String {
        guard let definition = dag else { return absent }
        var parts = [String(definition.code), String(definition.version), definition.updateTime ?? "",
                     definition.releaseState?.rawValue ?? ""]
        if let schedule {
            parts += [String(schedule.id), schedule.releaseState.rawValue, schedule.updateTime ?? "", schedule.crontab,
                      schedule.startTime, schedule.endTime, schedule.timezoneId]
        }
        let digest = SHA256.hash(data: Data(parts.joined(separator: "|").utf8))
        return "v\(definition.version)-" + digest.prefix(6).hexDigits
    }
}
