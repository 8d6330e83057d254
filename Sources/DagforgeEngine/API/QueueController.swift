import DagforgeWire

/// `QueueController`.
struct QueueController: Sendable {
    let queues: QueueService

    var endpoints: [Endpoint] {
        let fields: [EndpointParameter] = [.required("queue"), .required("queueName")]
        return [
            Endpoint(.get, "/queues/list", "All queues", tag: "queues", error: .queryQueueListError) { _ in
                try .ok(try await queues.all())
            },
            Endpoint(.get, "/queues", "Queues, paged", tag: "queues", error: .queryQueueListError,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await queues.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.post, "/queues", "Create a queue", tag: "queues", created: true, error: .createQueueError,
                     parameters: fields) { input in
                try .ok(try await queues.create(caller: input.caller, queue: try input.string("queue"),
                                                queueName: try input.string("queueName")))
            },
            Endpoint(.put, "/queues/{id}", "Update a queue", tag: "queues", created: true, error: .updateQueueError,
                     parameters: [.path("id", .int32)] + fields) { input in
                try .ok(try await queues.update(caller: input.caller, id: try input.int("id"), queue: try input.string("queue"),
                                                queueName: try input.string("queueName")))
            },
            Endpoint(.post, "/queues/verify", "Check that a queue name and value are free", tag: "queues",
                     error: .verifyQueueError, parameters: fields) { input in
                try await queues.verify(queue: try input.string("queue"), queueName: try input.string("queueName"))
                return try .ok(true)
            },
            Endpoint(.delete, "/queues/{id}", "Delete a queue", tag: "queues", error: .deleteQueueByIdError,
                     parameters: [.path("id", .int32)]) { input in
                try await queues.delete(caller: input.caller, id: try input.int("id"))
                return try .ok(true)
            },
        ]
    }
}
