import DagforgeWire

/// `WorkerGroupController` (reference §6.3).
struct WorkerGroupController: Sendable {
    let groups: WorkerGroupService

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/worker-groups", "Create (id 0 or unknown) or update a worker group", tag: "worker-groups",
                     error: .saveError,
                     parameters: [.optional("id", .int32), .required("name"), .required("addrList"), .optional("description"),
                                  .optional("otherParamsJson")]) { input in
                try .ok(try await groups.save(caller: input.caller, id: try input.optionalInt("id", default: 0),
                                              name: try input.string("name"), addrList: try input.string("addrList"),
                                              description: input.optionalString("description"),
                                              otherParamsJson: input.optionalString("otherParamsJson")))
            },
            Endpoint(.get, "/worker-groups", "Worker groups, paged", tag: "worker-groups", error: .queryWorkerGroupFail,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await groups.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.get, "/worker-groups/all", "Names of all worker groups", tag: "worker-groups",
                     error: .queryWorkerGroupFail) { _ in
                try .ok(try await groups.names())
            },
            Endpoint(.delete, "/worker-groups/{id}", "Delete a worker group", tag: "worker-groups",
                     error: .deleteWorkerGroupFail, parameters: [.path("id", .int32)]) { input in
                try await groups.delete(caller: input.caller, id: try input.int("id"))
                return .okNull
            },
            Endpoint(.get, "/worker-groups/worker-address-list", "Addresses of the registered workers", tag: "worker-groups",
                     error: .queryWorkerAddressListFail) { _ in
                try .ok(groups.addresses())
            },
        ]
    }
}
