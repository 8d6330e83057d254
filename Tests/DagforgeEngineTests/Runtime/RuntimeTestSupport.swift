import Foundation

/// Reads "yyyy-MM-dd HH:mm:ss" as a wall time in `zone` (test input; crashes loudly on a typo).
func runtimeWall(_ text: String, _ zone: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)!
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.date(from: text)!
}

func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }

import DagforgeWire

/// Any Encodable as the JSONValue a definition's taskParams holds.
func taskParams<T: Encodable>(_ value: T) -> JSONValue {
    try! WireJSON.decode(JSONValue.self, from: WireJSON.string(value))
}

/// A task definition for DAG tests.
func task(_ code: Int64, _ type: String = TaskType.shell, params: JSONValue = .object(["rawScript": .string("true")]),
          flag: Flag = .YES, priority: Priority = .MEDIUM, retries: Int = 0, retryMinutes: Int = 0,
          delayMinutes: Int = 0) -> TaskDefinition {
    TaskDefinition(code: code, name: "t\(code)", taskType: type, taskParams: params, flag: flag, taskPriority: priority,
                   failRetryTimes: retries, failRetryInterval: retryMinutes, delayTime: delayMinutes)
}

func edge(_ from: Int64, _ to: Int64) -> ProcessTaskRelation {
    ProcessTaskRelation(preTaskCode: from, postTaskCode: to)
}

func roots(_ codes: Int64...) -> [ProcessTaskRelation] {
    codes.map { ProcessTaskRelation(preTaskCode: 0, postTaskCode: $0) }
}
