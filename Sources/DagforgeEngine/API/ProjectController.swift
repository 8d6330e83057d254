import DagforgeWire

/// `ProjectController` (reference §6.1). With a single administrator every project is visible and
/// authorised, so the authorisation lists are the project lists.
struct ProjectController: Sendable {
    let projects: ProjectService

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/projects", "Create a project", tag: "projects", created: true, error: .createProjectError,
                     parameters: [.required("projectName"), .optional("description")]) { input in
                try .ok(try await projects.create(caller: input.caller, name: try input.string("projectName"),
                                                  description: input.optionalString("description")))
            },
            Endpoint(.put, "/projects/{projectCode}", "Update a project", tag: "projects", error: .updateProjectError,
                     parameters: [.projectCode, .required("projectName"), .optional("description")]) { input in
                try .ok(try await projects.update(caller: input.caller, code: try input.int64("projectCode"),
                                                  name: try input.string("projectName"),
                                                  description: input.optionalString("description")))
            },
            Endpoint(.get, "/projects/{projectCode}", "A project by code", tag: "projects", error: .queryProjectDetailsByCodeError,
                     parameters: [.projectCode]) { input in
                try .ok(try await projects.detail(try input.int64("projectCode")))
            },
            Endpoint(.get, "/projects", "Projects, paged", tag: "projects", error: .loginUserQueryProjectListPagingError,
                     parameters: [.pageNo, .pageSize, .searchVal]) { input in
                try .ok(try await projects.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.get, "/projects/list", "All projects", tag: "projects", error: .loginUserQueryProjectListPagingError) { _ in
                try .ok(try await projects.all())
            },
            Endpoint(.get, "/projects/list-dependent", "All projects (DEPENDENT pickers)", tag: "projects",
                     error: .loginUserQueryProjectListPagingError) { _ in
                try .ok(try await projects.all())
            },
            Endpoint(.get, "/projects/created-and-authed", "Projects created by or authorised to the caller", tag: "projects",
                     error: .queryAuthorizedAndUserCreatedProjectError) { _ in
                try .ok(try await projects.all())
            },
            Endpoint(.get, "/projects/project-with-authorized-level-list-paging", "Projects with the user's level, paged",
                     tag: "projects", error: .loginUserQueryProjectListPagingError,
                     parameters: [.required("userId", .int32), .pageNo, .pageSize, .searchVal]) { input in
                _ = try input.int("userId")
                return try .ok(try await projects.list(searchVal: input.optionalString("searchVal"), page: input.page()))
            },
            Endpoint(.get, "/projects/project-with-authorized-level", "Projects with the user's level", tag: "projects",
                     error: .queryAuthorizedProject, parameters: [.required("userId", .int32)]) { input in
                _ = try input.int("userId")
                return try .ok(try await projects.all())
            },
            Endpoint(.get, "/projects/unauth-project", "Projects the user is not authorised for", tag: "projects",
                     error: .queryUnauthorizedProjectError, parameters: [.required("userId", .int32)]) { input in
                _ = try input.int("userId")
                return try .ok(try await projects.all())
            },
            Endpoint(.get, "/projects/authed-project", "Projects granted to the user", tag: "projects",
                     error: .queryAuthorizedProject, parameters: [.required("userId", .int32)]) { input in
                _ = try input.int("userId")
                return try .ok([Project]())
            },
            Endpoint(.get, "/projects/authed-user", "Users granted a project", tag: "projects", error: .queryAuthorizedUser,
                     parameters: [.required("projectCode", .int64)]) { input in
                _ = try await projects.existing(try input.int64("projectCode"))
                return try .ok([User]())
            },
            Endpoint(.delete, "/projects/{projectCode}", "Delete an empty project", tag: "projects", error: .deleteProjectError,
                     parameters: [.projectCode]) { input in
                try await projects.delete(code: try input.int64("projectCode"))
                return try .ok(true)
            },
        ]
    }
}
