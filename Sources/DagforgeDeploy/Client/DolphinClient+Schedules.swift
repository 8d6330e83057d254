import DagforgeWire

// Schedules (reference §6.9). At most one per workflow; it must be OFFLINE to be updated or deleted.
extension DolphinClient {
    /// `POST …/schedules/list` (a POST that reads): every schedule of the project.
    public func listSchedules(project: Int64) async throws -> [Schedule] {
        try await call(DolphinRequest(.POST, routes.schedules(project: project) + "/list", retrySafe: true),
                       as: [Schedule].self)
    }

    /// `POST …/schedules` (HTTP 201); the workflow must be ONLINE. The schedule starts OFFLINE.
    public func createSchedule(project: Int64, definitionCode: Int64, _ schedule: ScheduleRequest) async throws -> Schedule {
        let fields = [FormField(routes.definitionCodeParameter, String(definitionCode))] + (try schedule.fields(routes: routes))
        return try await call(DolphinRequest(.POST, routes.schedules(project: project), fields), as: Schedule.self)
    }

    /// `PUT …/schedules/{id}` with every parameter.
    public func updateSchedule(project: Int64, id: Int, _ schedule: ScheduleRequest) async throws {
        try await call(DolphinRequest(.PUT, routes.schedules(project: project) + "/\(id)", try schedule.fields(routes: routes),
                                      retrySafe: true))
    }

    /// `POST …/schedules/{id}/online`; the workflow must be ONLINE.
    public func scheduleOnline(project: Int64, id: Int) async throws {
        try await call(DolphinRequest(.POST, routes.schedules(project: project) + "/\(id)/online", retrySafe: true))
    }

    /// `POST …/schedules/{id}/offline`.
    public func scheduleOffline(project: Int64, id: Int) async throws {
        try await call(DolphinRequest(.POST, routes.schedules(project: project) + "/\(id)/offline", retrySafe: true))
    }

    /// `DELETE …/schedules/{id}`; the schedule must be OFFLINE.
    public func deleteSchedule(project: Int64, id: Int) async throws {
        try await call(DolphinRequest(.DELETE, routes.schedules(project: project) + "/\(id)"))
    }
}
