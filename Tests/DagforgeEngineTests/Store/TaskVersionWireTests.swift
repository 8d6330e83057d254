@testable import DagforgeEngine
import DagforgeWire
import Testing

/// A workflow's stored DAG is built from the tasks it was written from, not by decoding each task version's
/// `content` back: the two must give the same wire task, whatever the request sent.
@Suite("Task version wire form")
struct TaskVersionWireTests {
    private func version(of task: TaskDefinition) throws -> TaskDefinitionLogRecord {
        TaskDefinitionLogRecord(id: 41, code: 9_007_199_254_740_993, version: 3, projectCode: 12, name: task.name,
                                taskType: task.taskType, content: try EngineStore.taskContent(task), userId: 1,
                                createTime: "2026-11-22 01:00:00", updateTime: "2026-11-22 01:00:01",
                                operator: 1, operateTime: "2026-11-22 01:00:02")
    }

    @Test("as the client sent it: embedded JSON text, numbers, server fields copied from an earlier answer")
    func requestFromAnEarlierAnswer() throws {
        let task = try WireJSON.decode(TaskDefinition.self, from: #"""
            {"code": "5", "version": "2", "name": "load", "description": "d\n\"q\"", "taskType": "SQL",
             "taskParams": "{\"sql\":\"select 1\",\"ratio\":0.25,\"two\":2.0,\"big\":9007199254740993,\"list\":[null,true,{\"a\":[]}]}",
             "flag": "YES", "taskPriority": "HIGH", "workerGroup": "etl", "environmentCode": "-1",
             "failRetryTimes": 2, "failRetryInterval": "3", "timeoutFlag": "OPEN", "timeoutNotifyStrategy": "FAILED",
             "timeout": 30, "delayTime": 1, "cpuQuota": -1, "memoryMax": -1, "taskExecuteType": "BATCH",
             "id": 7, "projectCode": 99, "userId": 4, "userName": "alice", "projectName": "p", "createTime": "x",
             "updateTime": "y", "modifyBy": "bob", "operator": 4, "operateTime": "z", "taskParamList": [], "dependence": ""}
            """#)
        let record = try version(of: task)
        #expect(record.wire(writtenFrom: task) == (try record.wire()))
    }

    @Test("the fewest fields: defaults and absent enums")
    func minimalTask() throws {
        let task = try WireJSON.decode(TaskDefinition.self, from: #"{"name": "t", "taskType": "SHELL", "taskParams": {"rawScript": ""}}"#)
        let record = try version(of: task)
        #expect(record.wire(writtenFrom: task) == (try record.wire()))
    }
}
