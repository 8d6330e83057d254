import DagforgeWire

/// `SchedulerController` (reference §6.9), under `/projects/{projectCode}/schedules`. Create and update
/// default differently (`failureStrategy` CONTINUE vs END), as DolphinScheduler does.
struct SchedulerController: Sendable {
    let schedules: ScheduleService

    private static let optionFields: [EndpointParameter] = [
        .optional("warningType", WarningType.self), .optional("warningGroupId", .int32),
        .optional("failureStrategy", FailureStrategy.self), .optional("workerGroup"), .optional("tenantCode"),
        .optional("environmentCode", .int64), .optional("processInstancePriority", Priority.self),
    ]

    var endpoints: [Endpoint] {
        let base = "/projects/{projectCode}/schedules"
        let id: [EndpointParameter] = [.projectCode, .path("id", .int32)]
        return [
            Endpoint(.post, base, "Create the (OFFLINE) schedule of an ONLINE workflow", tag: "schedules", created: true,
                     error: .createScheduleError,
                     parameters: [.projectCode, .required("processDefinitionCode", .int64), .required("schedule")]
                        + Self.optionFields) { input in
                try .ok(try await schedules.create(
                    caller: input.caller, projectCode: try input.int64("projectCode"),
                    definitionCode: try input.int64("processDefinitionCode"), scheduleJSON: try input.string("schedule"),
                    options: try Self.options(input, failureStrategy: .CONTINUE, priority: .MEDIUM)))
            },
            Endpoint(.put, base + "/{id}", "Update an OFFLINE schedule", tag: "schedules", error: .updateScheduleError,
                     parameters: id + [.required("schedule")] + Self.optionFields) { input in
                try .ok(try await schedules.update(
                    projectCode: try input.int64("projectCode"), id: try input.int("id"),
                    scheduleJSON: try input.string("schedule"),
                    options: try Self.options(input, failureStrategy: .END, priority: .MEDIUM)))
            },
            Endpoint(.put, base + "/update/{code}", "Update the OFFLINE schedule of a workflow", tag: "schedules",
                     error: .updateScheduleError,
                     parameters: [.projectCode, .path("code"), .required("schedule"), .required("warningGroupId", .int32)]
                        + Self.optionFields.filter { $0.name != "warningGroupId" }) { input in
                try .ok(try await schedules.update(
                    projectCode: try input.int64("projectCode"), definitionCode: try input.int64("code"),
                    scheduleJSON: try input.string("schedule"),
                    options: try Self.options(input, failureStrategy: .END, priority: nil)))
            },
            Endpoint(.post, base + "/{id}/online", "Bring a schedule ONLINE", tag: "schedules",
                     error: .publishScheduleOnlineError, parameters: id) { input in
                try await schedules.online(projectCode: try input.int64("projectCode"), id: try input.int("id"))
                return try .ok(true)
            },
            Endpoint(.post, base + "/{id}/offline", "Take a schedule OFFLINE", tag: "schedules",
                     error: .offlineScheduleError, parameters: id) { input in
                try await schedules.offline(projectCode: try input.int64("projectCode"), id: try input.int("id"))
                return try .ok(true)
            },
            Endpoint(.get, base, "Schedules, paged", tag: "schedules", error: .queryScheduleListPagingError,
                     parameters: [.projectCode, .pageNo, .pageSize, .optional("processDefinitionCode", .int64), .searchVal]) { input in
                let definition = try input.optionalInt64("processDefinitionCode", default: 0)
                return try .ok(try await schedules.list(projectCode: try input.int64("projectCode"),
                                                        definitionCode: definition == 0 ? nil : definition,
                                                        searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.post, base + "/list", "Every schedule of the project", tag: "schedules", error: .queryScheduleListError,
                     parameters: [.projectCode]) { input in
                try .ok(try await schedules.all(projectCode: try input.int64("projectCode")))
            },
            Endpoint(.post, base + "/preview", "The next five fire times of a schedule", tag: "schedules", created: true,
                     error: .previewScheduleError, parameters: [.projectCode, .required("schedule")]) { input in
                _ = try input.int64("projectCode")
                return try .ok(try schedules.preview(scheduleJSON: try input.string("schedule")))
            },
            Endpoint(.delete, base + "/{id}", "Delete an OFFLINE schedule", tag: "schedules",
                     error: .deleteScheduleByIdError, parameters: id) { input in
                try await schedules.delete(caller: input.caller, projectCode: try input.int64("projectCode"),
                                           id: try input.int("id"))
                return .okNull
            },
        ]
    }

    private static func options(_ input: EndpointInput, failureStrategy: FailureStrategy,
                                priority: Priority?) throws -> ScheduleOptions {
        ScheduleOptions(
            warningType: try input.optionalEnumeration("warningType", WarningType.self, default: .NONE) ?? .NONE,
            warningGroupId: try input.optionalInt("warningGroupId", default: 1),
            failureStrategy: try input.optionalEnumeration("failureStrategy", FailureStrategy.self,
                                                           default: failureStrategy) ?? failureStrategy,
            workerGroup: input.optionalString("workerGroup").flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            tenantCode: input.optionalString("tenantCode").flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            environmentCode: try input.optionalInt64("environmentCode", default: -1),
            processInstancePriority: try input.optionalEnumeration("processInstancePriority", Priority.self, default: priority))
    }
}
