import Foundation
import Testing
@testable import DagforgeWire

@Suite("Wire format")
struct WireFormatTests {
    @Test("the envelope always carries data, success and failed")
    func envelopeCarriesDerivedBooleans() throws {
        let text = try WireJSON.string(Envelope<Int>(code: 50003, msg: "process definition 1 does not exist", data: nil))
        #expect(text == #"{"code":50003,"data":null,"failed":true,"msg":"process definition 1 does not exist","success":false}"#)
    }

    @Test("paging: pageNo is the row offset and an empty result has one page")
    func pageInfoQuirks() {
        let empty = PageInfo<Int>(items: [], total: 0, currentPage: 1, pageSize: 10)
        #expect(empty.totalPage == 1)
        let third = PageInfo<Int>(items: [1], total: 21, currentPage: 3, pageSize: 10)
        #expect(third.pageNo == 20)
        #expect(third.totalPage == 3)
    }

    @Test("task definitions decode leniently, as DolphinScheduler's mapper does")
    func lenientTaskDefinition() throws {
        let json = """
        {"code":"14296123905856","version":1,"name":"extract","taskType":"SHELL",
         "taskParams":"{\\"rawScript\\":\\"echo hi\\",\\"localParams\\":[]}",
         "flag":"YES","isCache":"NO","taskPriority":"BOGUS","failRetryTimes":"2","timeoutNotifyStrategy":""}
        """
        let task = try WireJSON.decode(TaskDefinition.self, from: json)
        #expect(task.code == 14_296_123_905_856)
        #expect(task.taskPriority == nil)
        #expect(task.timeoutNotifyStrategy == nil)
        #expect(task.failRetryTimes == 2)
        #expect(try task.taskParams.decode(as: ScriptParameters.self).rawScript == "echo hi")
    }

    @Test("64-bit codes inside taskParams survive a round trip")
    func largeCodesRoundTrip() throws {
        let params = SubProcessParameters(processDefinitionCode: 9_007_199_254_740_993)
        let value = try JSONValue(encoding: params)
        #expect(try value.decode(as: SubProcessParameters.self).processDefinitionCode == 9_007_199_254_740_993)
        #expect(value.compactString() == #"{"localParams":[],"processDefinitionCode":9007199254740993}"#)
    }

    @Test("state codes are DolphinScheduler's")
    func stateCodes() {
        #expect(WorkflowExecutionStatus.SUCCESS.code == 7)
        #expect(WorkflowExecutionStatus.SERIAL_WAIT.code == 14)
        #expect(TaskExecutionStatus.FORCED_SUCCESS.code == 13)
        #expect(CommandType.COMPLEMENT_DATA.code == 5)
        #expect(WorkflowExecutionStatus.SUCCESS.javaDescription == "WorkflowExecutionStatus{code=7, desc='success'}")
    }
}
