import DagforgeWire

/// `ProcessDefinitionController` (reference §6.6), under `/projects/{projectCode}/process-definition`.
struct ProcessDefinitionController: Sendable {
    static let base = "/projects/{projectCode}/process-definition"

    let definitions: ProcessDefinitionService
    let queries: WorkflowQueryService
    let transfer: WorkflowTransferService

    private static let formFields: [EndpointParameter] = [
        .projectCode, .required("name"), .required("taskDefinitionJson"), .required("taskRelationJson"),
        .optional("locations"), .optional("description"), .optional("globalParams"), .optional("timeout", .int32),
        .optional("executionType", ProcessExecutionType.self), .optional("otherParamsJson"),
    ]

    var endpoints: [Endpoint] {
        let base = Self.base
        let code: [EndpointParameter] = [.projectCode, .path("code")]
        return [
            Endpoint(.post, base, "Create a workflow", tag: "process-definition", created: true,
                     error: .createProcessDefinitionError, parameters: Self.formFields) { input in
                try .ok(try await definitions.create(caller: input.caller, projectCode: try input.int64("projectCode"),
                                                     form: try Self.form(input)))
            },
            Endpoint(.put, base + "/{code}", "Replace a workflow with a new version", tag: "process-definition",
                     error: .updateProcessDefinitionError,
                     parameters: Self.formFields + [.path("code"), .optional("releaseState", ReleaseState.self)]) { input in
                try .ok(try await definitions.update(
                    caller: input.caller, projectCode: try input.int64("projectCode"), code: try input.int64("code"),
                    form: try Self.form(input),
                    releaseState: try input.optionalEnumeration("releaseState", ReleaseState.self, default: .OFFLINE) ?? .OFFLINE))
            },
            Endpoint(.get, base + "/{code}", "A workflow with its DAG", tag: "process-definition",
                     error: .queryDetailOfProcessDefinitionError, parameters: code) { input in
                .okJSON(try await queries.dagJSON(projectCode: try input.int64("projectCode"), code: try input.int64("code")))
            },
            Endpoint(.get, base + "/query-by-name", "A workflow with its DAG, by name", tag: "process-definition",
                     error: .queryDetailOfProcessDefinitionError, parameters: [.projectCode, .required("name")]) { input in
                .okJSON(try await queries.dagJSON(projectCode: try input.int64("projectCode"), name: try input.string("name")))
            },
            Endpoint(.get, base + "/list", "Every workflow of the project with its DAG", tag: "process-definition",
                     error: .queryProcessDefinitionList, parameters: [.projectCode]) { input in
                .okJSON(try await queries.allDagsJSON(projectCode: try input.int64("projectCode")))
            },
            Endpoint(.get, base + "/all", "Every workflow of the project with its DAG", tag: "process-definition",
                     error: .queryProcessDefinitionList, parameters: [.projectCode]) { input in
                .okJSON(try await queries.allDagsJSON(projectCode: try input.int64("projectCode")))
            },
            Endpoint(.get, base + "/simple-list", "Id, code and name of every workflow", tag: "process-definition",
                     error: .queryProcessDefinitionList, parameters: [.projectCode]) { input in
                try .ok(try await queries.simpleList(projectCode: try input.int64("projectCode")))
            },
            Endpoint(.get, base, "Workflows, paged", tag: "process-definition", error: .queryProcessDefinitionListPagingError,
                     parameters: [.projectCode, .pageNo, .pageSize, .searchVal, .optional("userId", .int32),
                                  .optional("otherParamsJson")]) { input in
                try .ok(try await queries.page(projectCode: try input.int64("projectCode"),
                                               searchVal: input.optionalString("searchVal"),
                                               userId: try input.optionalInt("userId", default: 0), page: input.page()))
            },
            Endpoint(.get, base + "/query-process-definition-list", "Code, name and version of every workflow",
                     tag: "process-definition", error: .getTasksListByProcessDefinitionIdError,
                     parameters: [.projectCode]) { input in
                try .ok(try await queries.codeNameVersions(projectCode: try input.int64("projectCode")))
            },
            Endpoint(.get, base + "/query-task-definition-list", "Code, name and version of a workflow's tasks",
                     tag: "process-definition", error: .getTasksListByProcessDefinitionIdError,
                     parameters: [.projectCode, .required("processDefinitionCode", .int64)]) { input in
                try .ok(try await queries.taskCodeNameVersions(projectCode: try input.int64("projectCode"),
                                                                code: try input.int64("processDefinitionCode")))
            },
            Endpoint(.get, base + "/{code}/tasks", "The tasks of a workflow", tag: "process-definition",
                     error: .getTasksListByProcessDefinitionIdError, parameters: code) { input in
                try .ok(try await queries.tasks(projectCode: try input.int64("projectCode"), code: try input.int64("code")))
            },
            Endpoint(.get, base + "/batch-query-tasks", "The tasks of several workflows", tag: "process-definition",
                     error: .getTasksListByProcessDefinitionIdError, parameters: [.projectCode, .required("codes")]) { input in
                try .ok(try await queries.tasks(projectCode: try input.int64("projectCode"), codes: try input.codes("codes")))
            },
            Endpoint(.get, base + "/verify-name", "Check that a workflow name is free", tag: "process-definition",
                     error: .verifyProcessDefinitionNameUniqueError,
                     parameters: [.projectCode, .required("name"), .optional("code", .int64)]) { input in
                try await definitions.verifyName(projectCode: try input.int64("projectCode"), name: try input.string("name"),
                                                 code: try input.optionalInt64("code", default: 0))
                return .okNull
            },
            Endpoint(.post, base + "/{code}/release", "Bring a workflow ONLINE or take it OFFLINE", tag: "process-definition",
                     error: .releaseProcessDefinitionError,
                     parameters: code + [.required("releaseState", ReleaseState.self), .optional("name")]) { input in
                try await definitions.release(projectCode: try input.int64("projectCode"), code: try input.int64("code"),
                                              state: try input.enumeration("releaseState", ReleaseState.self))
                return try .ok(true)
            },
            Endpoint(.get, base + "/{code}/versions", "Versions of a workflow, newest first", tag: "process-definition",
                     error: .queryProcessDefinitionVersionsError, parameters: code + [.pageNo, .pageSize]) { input in
                try .ok(try await queries.versions(projectCode: try input.int64("projectCode"), code: try input.int64("code"),
                                                   page: input.page()))
            },
            Endpoint(.get, base + "/{code}/versions/{version}", "Switch a workflow to a stored version", tag: "process-definition",
                     error: .switchProcessDefinitionVersionError, parameters: code + [.path("version", .int32)]) { input in
                try await definitions.switchVersion(projectCode: try input.int64("projectCode"), code: try input.int64("code"),
                                                    version: try input.int("version"))
                return .okNull
            },
            Endpoint(.delete, base + "/{code}/versions/{version}", "Delete a stored version", tag: "process-definition",
                     error: .deleteProcessDefinitionVersionError, parameters: code + [.path("version", .int32)]) { input in
                try await definitions.deleteVersion(projectCode: try input.int64("projectCode"), code: try input.int64("code"),
                                                    version: try input.int("version"))
                return .okNull
            },
            Endpoint(.delete, base + "/{code}", "Delete an OFFLINE workflow", tag: "process-definition",
                     error: .deleteProcessDefineByCodeError, parameters: code) { input in
                try await definitions.delete(caller: input.caller, projectCode: try input.int64("projectCode"),
                                             code: try input.int64("code"))
                return .okNull
            },
            Endpoint(.post, base + "/batch-delete", "Delete several workflows", tag: "process-definition",
                     error: .batchDeleteProcessDefineByCodesError, parameters: [.projectCode, .required("codes")]) { input in
                try await definitions.batchDelete(caller: input.caller, projectCode: try input.int64("projectCode"),
                                                  codes: try input.codes("codes"))
                return .okNull
            },
            Endpoint(.post, base + "/batch-export", "Export workflows as DolphinScheduler JSON (no envelope)",
                     tag: "process-definition", error: .success, parameters: [.projectCode, .required("codes")]) { input in
                // Any failure answers an empty body, as DolphinScheduler's export does.
                let body = (try? await transfer.export(projectCode: try input.int64("projectCode"),
                                                       codes: try input.codes("codes"))) ?? ""
                return .raw(body, contentType: "application/json;charset=UTF-8")
            },
            Endpoint(.post, base + "/import", "Import an export file (multipart part `file`)", tag: "process-definition",
                     error: .importProcessDefineError, parameters: [.projectCode], body: .multipartFile) { input in
                guard let file = input.multipart?.part(named: "file") else { throw ServiceError(.dataIsNull, "fileContent") }
                return try .ok(try await transfer.importFile(caller: input.caller, projectCode: try input.int64("projectCode"),
                                                             file: file.body))
            },
        ]
    }

    private static func form(_ input: EndpointInput) throws -> WorkflowForm {
        WorkflowForm(name: try input.string("name"), description: input.optionalString("description"),
                     globalParams: input.optionalString("globalParams"), locations: input.optionalString("locations"),
                     timeout: try input.optionalInt("timeout", default: 0),
                     executionType: try input.optionalEnumeration("executionType", ProcessExecutionType.self,
                                                                  default: .PARALLEL) ?? .PARALLEL,
                     taskDefinitionJson: try input.string("taskDefinitionJson"),
                     taskRelationJson: try input.string("taskRelationJson"))
    }
}
