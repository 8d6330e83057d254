import Logging

/// The services and controllers of the REST API, wired once. `endpoints` is the one list both the router
/// and the OpenAPI document are built from; a new controller is one more line here.
struct EngineAPI: Sendable {
    let store: EngineStore
    let runtime: WorkflowRuntime
    let codes = CodeGenerator()
    let worker = LocalWorker()
    let logger: Logger

    var endpoints: [Endpoint] {
        let projects = ProjectService(store: store, codes: codes)
        let definitions = ProcessDefinitionService(store: store, codes: codes, projects: projects)
        return LoginController(sessions: SessionService(store: store)).endpoints
            + AccessTokenController(tokens: AccessTokenService(store: store)).endpoints
            + ProjectController(projects: projects).endpoints
            + QueueController(queues: QueueService(store: store)).endpoints
            + TenantController(tenants: TenantService(store: store)).endpoints
            + WorkerGroupController(groups: WorkerGroupService(store: store, worker: worker)).endpoints
            + EnvironmentController(environments: EnvironmentService(store: store, codes: codes)).endpoints
            + DataSourceController(datasources: DatasourceService(store: store, connector: DatasourceConnector(logger: logger))).endpoints
            + ProcessDefinitionController(
                definitions: definitions, queries: WorkflowQueryService(store: store, projects: projects),
                transfer: WorkflowTransferService(store: store, codes: codes, projects: projects)).endpoints
            + TaskDefinitionController(tasks: TaskDefinitionService(store: store, codes: codes, projects: projects)).endpoints
            + SchedulerController(schedules: ScheduleService(store: store, projects: projects)).endpoints
            + ExecutorController(executor: ExecutorService(store: store, runtime: runtime, codes: codes, projects: projects)).endpoints
            + ProcessInstanceController(instances: ProcessInstanceService(store: store, projects: projects)).endpoints
            + TaskInstanceController(tasks: TaskInstanceService(store: store, projects: projects)).endpoints
            + LoggerController(logs: TaskLogService(store: store, projects: projects)).endpoints
    }
}
