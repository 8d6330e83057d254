import DagforgeWire
import Foundation
import Testing
@testable import DagforgeEngine

@Suite("SWITCH conditions")
struct SwitchEvaluatorTests {
    @Test("the safe expression evaluator follows JavaScript semantics", arguments: [
        ("\"eu\" == \"eu\"", true), ("1 < 2 && 2 <= 2", true), ("!(1 > 2) || false", true), ("10 == \"10\"", true),
        ("10 === \"10\"", false), ("\"b\" > \"a\"", true), ("\"10\" < \"9\"", true), ("10 < 9", false),
        ("1 + 2 == 3", true), ("\"a\" + 1 == \"a1\"", true), ("null == null", true), ("null == 0", false),
        ("true == 1", true), ("7 % 4 == 3", true), ("-1 < 0", true), ("1.5 >= 1.25", true), ("1 != 2", true),
    ])
    func expressions(source: String, expected: Bool) throws {
        #expect(try ScriptExpression.evaluate(source) == .bool(expected))
    }

    @Test("anything but values and operators is a syntax error", arguments: [
        "region == \"eu\"", "alert(1)", "1 +", "(1 == 1", "\"open", "a = 1", "${x} == 1", "\"\"eu\"\" == \"eu\"",
    ])
    func syntaxErrors(source: String) {
        #expect(throws: ScriptExpression.SyntaxError.self) { try ScriptExpression.evaluate(source) }
    }

    private func choose(_ cases: [String], parameters: [Property], varPool: [Property] = []) throws -> SwitchEvaluator.Choice {
        let params = SwitchParameters(switchResult: .init(
            dependTaskList: cases.enumerated().map { .init(condition: $1, nextNode: Int64($0 + 1)) }, nextNode: 99))
        return try SwitchEvaluator.choose(params, parameters: Dictionary(uniqueKeysWithValues: parameters.map { ($0.prop, $0) }),
                                          varPool: varPool)
    }

    @Test("the first true case wins; others and the default are skipped")
    func firstMatch() throws {
        let choice = try choose(["${region} == 'us'", "${region} == 'eu'", "${count} > 1"],
                                parameters: [Property(prop: "region", value: "eu"),
                                             Property(prop: "count", type: .INTEGER, value: "5")])
        #expect(choice.follow == [2])
        #expect(choice.caseIndex == 1)
        #expect(Set(choice.skip) == [1, 3, 99])
        #expect(choice.explanation.first == "case 1: \"eu\" == \"us\" -> false")
    }

    @Test("numbers and booleans are substituted bare, strings quoted; the var pool overrides parameters")
    func substitution() throws {
        let text = try SwitchEvaluator.substitute("${n} > 3 && ${ok} && ${s} == 'x'", [
            "n": Property(prop: "n", type: .INTEGER, value: "4"), "ok": Property(prop: "ok", type: .BOOLEAN, value: "TRUE"),
            "s": Property(prop: "s", value: "x"),
        ])
        #expect(text == "4 > 3 && true && \"x\" == \"x\"")
        let choice = try choose(["${n} > 3"], parameters: [Property(prop: "n", type: .INTEGER, value: "1")],
                                varPool: [Property(prop: "n", direct: .OUT, type: .INTEGER, value: "10")])
        #expect(choice.follow == [1])
    }

    @Test("no match or an unevaluable case falls through to the default branch")
    func defaultBranch() throws {
        // A quoted placeholder becomes ""eu"", a syntax error in JavaScript too: the case is false.
        let choice = try choose(["'${region}' == 'eu'", "${missing} == 1"], parameters: [Property(prop: "region", value: "eu")])
        #expect(choice.follow == [99])
        #expect(choice.caseIndex == nil)
        #expect(choice.explanation.count == 2)
    }

    @Test("a numeric parameter without a number fails the task")
    func badNumber() {
        #expect(throws: ParameterError.self) {
            try choose(["${n} > 1"], parameters: [Property(prop: "n", type: .INTEGER, value: "many")])
        }
    }
}

@Suite("CONDITIONS and dependency results")
struct ConditionsEvaluatorTests {
    private func params(_ relation: DependentRelation, _ items: [(Int64, TaskExecutionStatus)]) -> ConditionsParameters {
        ConditionsParameters(
            dependence: .init(relation: .AND, dependTaskList: [
                .init(relation: relation, dependItemList: items.map { .init(depTaskCode: $0.0, status: $0.1) }),
            ]),
            conditionResult: .init(successNode: [100], failedNode: [200]))
    }

    @Test("AND and OR over upstream states pick the branch")
    func branches() {
        let states: [Int64: TaskExecutionStatus] = [1: .SUCCESS, 2: .FAILURE]
        #expect(ConditionsEvaluator.branches(params(.AND, [(1, .SUCCESS), (2, .FAILURE)]), states: states) == ([100], [200]))
        #expect(ConditionsEvaluator.branches(params(.AND, [(1, .SUCCESS), (2, .SUCCESS)]), states: states) == ([200], [100]))
        #expect(ConditionsEvaluator.holds(params(.OR, [(1, .FAILURE), (2, .FAILURE)]), states: states))
        // A task that did not run matches nothing; FORCED_SUCCESS is not SUCCESS.
        #expect(!ConditionsEvaluator.holds(params(.AND, [(3, .SUCCESS)]), states: states))
        #expect(!ConditionsEvaluator.holds(params(.AND, [(1, .SUCCESS)]), states: [1: .FORCED_SUCCESS]))
    }

    @Test("DependResult combination matches DolphinScheduler, empty lists included")
    func combination() {
        #expect(DependResult.combined(.AND, [.SUCCESS, .WAITING]) == .WAITING)
        #expect(DependResult.combined(.AND, [.WAITING, .FAILED]) == .FAILED)
        #expect(DependResult.combined(.AND, []) == .SUCCESS)
        #expect(DependResult.combined(.OR, [.FAILED, .WAITING]) == .WAITING)
        #expect(DependResult.combined(.OR, [.FAILED, .SUCCESS]) == .SUCCESS)
        #expect(DependResult.combined(.OR, []) == .FAILED)
    }
}
