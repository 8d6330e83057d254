import Foundation
import Testing
@testable import DagforgeWire

/// `JSONValue(encoding:)` builds the value directly; it must equal what the JSON text round trip gives,
/// because the planner compares compiled `taskParams` with the engine's decoded ones.
@Suite("JSONValue encoding")
struct JSONValueEncoderTests {
    private func roundTrip<T: Encodable>(_ value: T) throws -> JSONValue {
        try WireJSON.decoder().decode(JSONValue.self, from: WireJSON.encoder().encode(value))
    }

    @Test("every taskParams struct encodes to the value its JSON text decodes to")
    func wireStructsMatchTheTextRoundTrip() throws {
        let locals = [Property(prop: "bizdate", value: "$[yyyy-MM-dd-1]"), Property(prop: "n", direct: .OUT, value: "")]
        let dependent = DependentParameters(dependence: .init(dependTaskList: [.init(relation: .OR, dependItemList: [
            .init(projectCode: 9_007_199_254_740_993, definitionCode: 2, depTaskCode: 0, cycle: "day", dateValue: "today"),
        ])]), localParams: locals)
        let conditions = ConditionsParameters(dependence: .init(dependTaskList: [.init(dependItemList: [.init(depTaskCode: 7, status: .SUCCESS)])]),
                                              conditionResult: .init(successNode: [1, 2], failedNode: []))
        let switching = SwitchParameters(switchResult: .init(dependTaskList: [.init(condition: "${x} > 1", nextNode: 4)], nextNode: nil))
        let http = HttpParameters(url: "https://example.com/a?b=c", httpMethod: .POST,
                                  httpParams: [.init(prop: "X-Key", httpParametersType: .HEADERS, value: "v")], httpBody: "{\"a\":1}")
        #expect(try JSONValue(encoding: SqlParameters(type: "POSTGRESQL", datasource: 3, sql: "select 1", sqlType: 0,
                                                      preStatements: ["set x = 1"], localParams: locals))
            == roundTrip(SqlParameters(type: "POSTGRESQL", datasource: 3, sql: "select 1", sqlType: 0,
                                       preStatements: ["set x = 1"], localParams: locals)))
        #expect(try JSONValue(encoding: ScriptParameters(rawScript: "echo \"hi\"\n", localParams: locals))
            == roundTrip(ScriptParameters(rawScript: "echo \"hi\"\n", localParams: locals)))
        #expect(try JSONValue(encoding: dependent) == roundTrip(dependent))
        #expect(try JSONValue(encoding: conditions) == roundTrip(conditions))
        #expect(try JSONValue(encoding: switching) == roundTrip(switching))
        #expect(try JSONValue(encoding: http) == roundTrip(http))
        #expect(try JSONValue(encoding: SubProcessParameters(processDefinitionCode: Int64.max))
            == roundTrip(SubProcessParameters(processDefinitionCode: Int64.max)))
    }

    @Test("SQL and script parameters built directly equal their encoding, field for field")
    func directValuesMatchTheEncoder() throws {
        let locals = [Property(prop: "bizdate", value: "$[yyyy-MM-dd-1]"), Property(prop: "n", direct: .OUT, type: .INTEGER, value: "")]
        var sql = SqlParameters(type: "POSTGRESQL", datasource: 3, sql: "select \"x\"\nfrom t", sqlType: 1, displayRows: 7,
                                preStatements: ["set a = 1", "set b = 2"], postStatements: ["analyze t"], localParams: locals)
        sql.sendEmail = true
        sql.title = "report"
        sql.groupId = 4
        sql.udfs = "1,2"
        sql.connParams = "sslmode=require"
        #expect(sql.jsonValue == (try JSONValue(encoding: sql)))
        #expect(SqlParameters(type: "", datasource: 0, sql: "", sqlType: 0).jsonValue
            == (try JSONValue(encoding: SqlParameters(type: "", datasource: 0, sql: "", sqlType: 0))))
        let script = ScriptParameters(rawScript: "echo ok\n", localParams: locals, resourceList: [.init(resourceName: "/a.sh")])
        #expect(script.jsonValue == (try JSONValue(encoding: script)))
        #expect(ScriptParameters(rawScript: "").jsonValue == (try JSONValue(encoding: ScriptParameters(rawScript: ""))))
    }

    private struct Numbers: Encodable {
        var integral = 2.0
        var fraction = 0.25
        var float: Float = 0.1
        var huge = UInt64.max
        var small: Int8 = -3
        var absent: String? = nil
        var present: String? = "x"
        var nested = [[1, 2], []]
        var map = ["b": true, "a": false]
        var url = URL(string: "https://example.com/x")!
    }

    @Test("numbers, optionals, nested arrays and maps match the text round trip")
    func numbersAndContainersMatch() throws {
        let value = try JSONValue(encoding: Numbers())
        #expect(value == (try roundTrip(Numbers())))
        #expect(value["integral"] == .int(2))
        #expect(value["absent"] == nil)
    }

    @Test("a non-finite number is refused, as JSONEncoder refuses it")
    func nonFiniteNumbersThrow() {
        #expect(throws: EncodingError.self) { try JSONValue(encoding: [Double.nan]) }
    }
}
