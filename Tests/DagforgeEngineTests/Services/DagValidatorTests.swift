import DagforgeWire
import Testing
@testable import DagforgeEngine

@Suite("DAG checks")
struct DagValidatorTests {
    private func edges(_ pairs: [(Int64, Int64)]) -> [ProcessTaskRelation] {
        pairs.map { ProcessTaskRelation(preTaskCode: $0.0, postTaskCode: $0.1) }
    }

    @Test("finds cycles, including self-loops, and accepts diamonds")
    func cycles() {
        #expect(DagValidator.hasCycle(edges([(0, 1), (1, 2), (2, 3), (3, 2)])))
        #expect(DagValidator.hasCycle(edges([(0, 1), (1, 1)])))
        #expect(!DagValidator.hasCycle(edges([(0, 1), (1, 2), (1, 3), (2, 4), (3, 4)])))
    }

    @Test("validates task parameters per type")
    func parameters() {
        func task(_ type: String, _ params: [String: JSONValue]) -> TaskDefinition {
            TaskDefinition(code: 1, name: "t", taskType: type, taskParams: .object(params))
        }
        #expect(DagValidator.parametersValid(task("SHELL", ["rawScript": .string("echo")])))
        #expect(!DagValidator.parametersValid(task("SHELL", ["rawScript": .string("")])))
        #expect(!DagValidator.parametersValid(task("SQL", ["type": .string("POSTGRESQL"), "sql": .string("select 1"), "datasource": .int(0)])))
        #expect(DagValidator.parametersValid(task("SQL", ["type": .string("POSTGRESQL"), "sql": .string("select 1"), "datasource": .string("3")])))
        #expect(DagValidator.parametersValid(task("SPARK", [:])))
        #expect(!DagValidator.parametersValid(task("NOT_A_PLUGIN", [:])))
        #expect(!DagValidator.parametersValid(TaskDefinition(code: 1, name: "t", taskType: "SHELL", taskParams: .null)))
    }
}

@Suite("Codes and messages")
struct CodesAndMessagesTests {
    @Test("codes follow DolphinScheduler's snowflake layout and never repeat")
    func codes() {
        let generator = CodeGenerator()
        let codes = generator.next(1000)
        #expect(Set(codes).count == 1000)
        #expect(codes == codes.sorted())
        #expect(codes.allSatisfy { $0 > 0 && $0 < 1 << 53 })
    }

    @Test("messages fill MessageFormat placeholders like Java does")
    func messages() {
        #expect(Status.projectNotFound.message([""]) == "project  not found ")
        #expect(Status.processDefineNotExist.message([.number(12_345_678)]) == "process definition 12,345,678 does not exist")
        #expect(Status.tenantNotExist.message() == "tenant [{0}] not exists")
        #expect(Status.scheduleAlreadyExists.message(["7", "3"]) == "workflow 7 schedule 3 already exist, please update or delete it")
    }
}
