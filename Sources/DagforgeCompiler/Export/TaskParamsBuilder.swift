import Foundation
import DagforgeSpec
import DagforgeWire

/// Builds `taskParams` (reference §9) for one task, plus the bindings the deployer fills in.
struct TaskParamsBuilder {
    /// Local placeholder codes by task name, for branches and conditions.
    let codes: [String: Int64]
    let code: Int64

    func params(for task: RenderedTask, localUpstreams: [String]) -> (JSONValue, [Binding]) {
        let localParams = (task.settings.params ?? [:]).sorted { $0.key < $1.key }.map { Property(prop: $0.key, value: $0.value.value) }
        switch task.kind {
        case .sql(let text):
            let sql = text.text.trimmingWhitespace()
            let kind = task.settings.sqlType ?? (Self.looksLikeQuery(sql) ? .query : .non_query)
            let parameters = SqlParameters(type: task.datasource?.type?.rawValue ?? "", datasource: 0, sql: sql,
                                           sqlType: kind == .query ? 0 : 1, localParams: localParams)
            let bindings = task.datasource.map { [Binding(taskCode: code, pointer: "/datasource", target: .datasourceId(name: $0.name.value))] } ?? []
            return (parameters.jsonValue, bindings)
        case .shell(let text), .python(let text):
            return (ScriptParameters(rawScript: text.text, localParams: localParams).jsonValue, [])
        case .dependent(let dependent):
            let targets = dependent.on.compactMap { $0.value.contains("/") ? TaskAddress(parsing: $0.value, relativeTo: "") : wholeWorkflow($0.value) }
            return dependence(on: targets, cycle: dependent.cycle, dateValue: dependent.dateValue,
                              relation: dependent.relation, localParams: localParams)
        case .subProcess(let workflow):
            return (encode(SubProcessParameters(processDefinitionCode: 0, localParams: localParams)),
                    [Binding(taskCode: code, pointer: "/processDefinitionCode", target: .workflowCode(workflow: workflow.value))])
        case .conditions(let conditions):
            let items = localUpstreams.compactMap { codes[$0] }.map { ConditionsParameters.Item(depTaskCode: $0, status: .SUCCESS) }
            let parameters = ConditionsParameters(
                dependence: .init(dependTaskList: [.init(dependItemList: items)]),
                conditionResult: .init(successNode: conditions.success.compactMap { codes[$0.value] },
                                       failedNode: conditions.failed.compactMap { codes[$0.value] }),
                localParams: localParams)
            return (encode(parameters), [])
        case .switch(let branching):
            let cases = branching.cases.compactMap { item in codes[item.then.value].map { SwitchParameters.Case(condition: item.condition, nextNode: $0) } }
            let parameters = SwitchParameters(switchResult: .init(dependTaskList: cases, nextNode: branching.defaultBranch.flatMap { codes[$0.value] }),
                                              localParams: localParams)
            return (encode(parameters), [])
        case .http(let http):
            return (encode(Self.httpParameters(http, localParams: localParams)), [])
        case .passThrough(_, let params):
            return (params, [])
        }
    }

    /// A DEPENDENT node waiting for `target`.
    func waitParams(for target: TaskAddress) -> (JSONValue, [Binding]) {
        dependence(on: [target], cycle: "day", dateValue: "today", relation: .AND, localParams: [])
    }

    /// `task` empty = the whole workflow.
    private func dependence(on targets: [TaskAddress], cycle: String, dateValue: String, relation: DependentRelation,
                            localParams: [Property]) -> (JSONValue, [Binding]) {
        var bindings: [Binding] = []
        let items = targets.enumerated().map { index, target in
            let pointer = "/dependence/dependTaskList/0/dependItemList/\(index)"
            bindings.append(Binding(taskCode: code, pointer: pointer + "/projectCode", target: .projectCode))
            bindings.append(Binding(taskCode: code, pointer: pointer + "/definitionCode", target: .workflowCode(workflow: target.workflow)))
            if !target.task.isEmpty {
                bindings.append(Binding(taskCode: code, pointer: pointer + "/depTaskCode",
                                        target: .taskCode(workflow: target.workflow, task: target.task)))
            }
            return DependentParameters.Item(projectCode: 0, definitionCode: 0, depTaskCode: 0, cycle: cycle, dateValue: dateValue)
        }
        let parameters = DependentParameters(
            dependence: .init(dependTaskList: [.init(relation: relation, dependItemList: items)]), localParams: localParams)
        return (encode(parameters), bindings)
    }

    private func wholeWorkflow(_ name: String) -> TaskAddress { TaskAddress(workflow: name, task: "") }

    private static func httpParameters(_ http: HTTPTask, localParams: [Property]) -> HttpParameters {
        let params = http.headers.sorted { $0.key < $1.key }.map { HttpParameters.Param(prop: $0.key, httpParametersType: .HEADERS, value: $0.value) }
            + http.query.sorted { $0.key < $1.key }.map { HttpParameters.Param(prop: $0.key, httpParametersType: .PARAMETER, value: $0.value) }
        let (check, condition): (HttpCheckCondition, String) =
            if let status = http.expectStatus { (.STATUS_CODE_CUSTOM, String(status)) }
            else if let text = http.expectBodyContains { (.BODY_CONTAINS, text) }
            else { (.STATUS_CODE_DEFAULT, "") }
        return HttpParameters(url: http.url.value, httpMethod: http.method, httpParams: params, httpBody: http.body,
                              httpCheckCondition: check, condition: condition, localParams: localParams)
    }

    /// Whether the first statement returns rows (DolphinScheduler's sqlType 0): the first word of the first
    /// line that is neither blank nor a `--` comment. Reads the UTF-8 bytes only up to that word; lines may end
    /// in CRLF, and a word ends at a space, a tab or a line break.
    static func looksLikeQuery(_ sql: String) -> Bool {
        var sql = sql
        return sql.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                while index < bytes.count, isBlank(bytes[index]) || bytes[index] == UInt8(ascii: "\n") { index += 1 }
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                }
                var end = index
                while end < bytes.count, !isBlank(bytes[end]), bytes[end] != UInt8(ascii: "\n") { end += 1 }
                return queryKeywords.contains { keyword in
                    keyword.count == end - index && zip(keyword, bytes[index..<end]).allSatisfy { $0 == $1 & 0xDF }
                }
            }
            return false
        }
    }

    /// Upper-case ASCII; a byte of the word matches when it equals the keyword's with the lower-case bit cleared.
    private static let queryKeywords: [[UInt8]] = ["SELECT", "WITH", "SHOW", "EXPLAIN", "DESCRIBE", "VALUES"].map { Array($0.utf8) }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private func encode<T: Encodable>(_ value: T) -> JSONValue {
        // Wire structs always encode; a failure would be a programming error in DagforgeWire.
        (try? JSONValue(encoding: value)) ?? .object([:])
    }
}
