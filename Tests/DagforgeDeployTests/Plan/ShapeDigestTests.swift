@testable import DagforgeDeploy
import DagforgeWire
import Testing

/// `ShapeDigest` writes the canonical JSON of a `WorkflowShape` without building it. Deployed markers record
/// these digests, so it must hash exactly the bytes of the shape's definition below (the value the digest was
/// first defined on): any other byte would show every deployed workflow as drifted.
@Suite struct ShapeDigestTests {
    @Test("equal to the hash of the shape's canonical value, for every kind of part")
    func matchesTheShapesCanonicalValue() {
        for request in Self.requests {
            let bytes = ShapeDigest.canonicalBytes(request: request)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: Self.reference(WorkflowShape(request: request)), as: UTF8.self))
        }
    }

    @Test("an engine DAG, read back with the engine's codes, is the same bytes as its shape")
    func dagMatchesItsShape() throws {
        let snapshot = try Fixtures.deployed([Fixtures.compiled()], definitionCodeBase: 91_000)
        let dag = try #require(snapshot.definitions.first)
        #expect(ShapeDigest.canonicalBytes(dag: dag) == Self.reference(WorkflowShape(dag: dag)))
    }

    @Test("any compared field changes the digest")
    func everyComparedFieldCounts() {
        let base = Fixtures.compiled().definition
        var edits: [(String, (inout ProcessDefinitionRequest) -> Void)] = [
            ("description", { $0.description += "!" }),
            ("timeout", { $0.timeout = 5 }),
            ("global parameter", { $0.globalParams[0].value = "x" }),
            ("edge", { $0.taskRelationJson[2].preTaskCode = 1 }),
            ("task params", { $0.taskDefinitionJson[2].taskParams = .object(["rawScript": .string("echo other\n")]) }),
            ("retries", { $0.taskDefinitionJson[0].failRetryTimes = 2 }),
            ("worker group", { $0.taskDefinitionJson[1].workerGroup = "gpu" }),
            ("flag", { $0.taskDefinitionJson[1].flag = .NO }),
        ]
        edits.append(("task name", { $0.taskDefinitionJson[2].name = "notify_team" }))
        let digest = ShapeDigest.of(request: base)
        for (name, edit) in edits {
            var changed = base
            edit(&changed)
            #expect(ShapeDigest.of(request: changed) != digest, "\(name)")
        }
        var codesOnly = base
        codesOnly.locations = []
        #expect(ShapeDigest.of(request: codesOnly) == digest)
    }

    /// The fixture workflow, and one with CONDITIONS and SWITCH nodes (codes mapped to names), a task name
    /// used twice, an edge to an unknown code, escapes and non-ASCII text, and a marker in the description.
    static var requests: [ProcessDefinitionRequest] {
        let conditions = TaskDefinition(code: 4, name: "check", taskType: TaskType.conditions, taskParams: .object([
            "dependence": .object(["dependTaskList": .array([.object(["dependItemList": .array([
                .object(["depTaskCode": .int(1), "status": .string("SUCCESS")]),
            ])])])]),
            "conditionResult": .object(["successNode": .array([.int(2)]), "failedNode": .array([.string("3")])]),
        ]), flag: nil, timeoutFlag: .OPEN, timeoutNotifyStrategy: .FAILED, timeout: 30)
        let branch = TaskDefinition(code: 5, name: "route", description: "Wählt \"den\" Weg\t\u{01}", taskType: TaskType.switch,
                                    taskParams: .object([
            "switchResult": .object(["dependTaskList": .array([.object(["condition": .string("${x} > 1"), "nextNode": .int(2)])]),
                                     "nextNode": .int(99)]),
        ]))
        let twin = Fixtures.shellTask(6, "notify", "echo twin\n")
        let branched = ProcessDefinitionRequest(
            name: "pv_branches",
            description: "Branches – naïve\nmanaged by dagforge | source: workflows/pv_branches | commit: c0ffee | hash: 0123456789abcdef",
            globalParams: [Property(prop: "a", direct: .OUT, type: .INTEGER, value: "1"), Property(prop: "b\"", value: "\\")],
            timeout: 7, executionType: .SERIAL_WAIT,
            taskDefinitionJson: Fixtures.compiled().definition.taskDefinitionJson + [conditions, branch, twin],
            taskRelationJson: [
                ProcessTaskRelation(preTaskCode: 0, postTaskCode: 1),
                ProcessTaskRelation(preTaskCode: 1, postTaskCode: 4),
                ProcessTaskRelation(preTaskCode: 4, postTaskCode: 2),
                ProcessTaskRelation(preTaskCode: 5, postTaskCode: 3),
                ProcessTaskRelation(preTaskCode: 42, postTaskCode: 5),
            ],
            locations: [])
        return [Fixtures.compiled().definition, branched]
    }

    /// The definition of what a shape's digest covers: the canonical JSON of this value.
    static func reference(_ shape: WorkflowShape) -> [UInt8] {
        let value: JSONValue = .object([
            "description": .string(shape.description),
            "globalParams": shape.globalParamsValue,
            "timeout": .int(Int64(shape.timeout)),
            "executionType": .string(shape.executionType),
            "tasks": .object(shape.tasks.mapValues { .object($0) }),
            "edges": .array(shape.edges.map { .array([.string($0.from), .string($0.to)]) }),
        ])
        return CanonicalJSON.bytes(value)
    }
}
