import DagforgeSpec
import DagforgeWire

/// Renders workflows for one environment: layers settings, applies overrides, fills templates.
struct EnvironmentRenderer {
    let environment: EnvironmentSpec
    let project: ProjectSettings
    /// False for validation: script and SQL bodies are checked for placeholders but kept as written.
    let rendersTexts: Bool
    private(set) var templates: TemplateRenderer

    init(environment: EnvironmentSpec, project: ProjectSettings, processEnvironment: [String: String],
         missingSecretSeverity: Diagnostic.Severity, rendersTexts: Bool = true) {
        self.environment = environment
        self.project = project
        self.rendersTexts = rendersTexts
        var variableRenderer = TemplateRenderer(environmentName: environment.name, variables: [:],
                                                processEnvironment: processEnvironment, missingSecretSeverity: missingSecretSeverity)
        // Variables may read the process environment (`{{ env.X }}`), not other variables.
        let variables = environment.variables.mapValues { variableRenderer.render($0.value, at: $0.range) }
        templates = TemplateRenderer(environmentName: environment.name, variables: variables,
                                     processEnvironment: processEnvironment, missingSecretSeverity: missingSecretSeverity)
        templates.absorb(variableRenderer)
    }

    mutating func render(_ workflow: WorkflowSpec) -> RenderedWorkflow {
        let override = environment.overrides[workflow.name]
        let defaults = (override?.defaults ?? TaskSettings()).merged(over: workflow.defaults.merged(over: project.defaults))
        let tasks = workflow.tasks.map { task in
            var settings = task.settings.merged(over: defaults)
            if let taskOverride = override?.tasks[task.name] {
                var changes = taskOverride.settings
                changes.upstream = nil
                settings = changes.merged(over: settings)
            }
            if let params = settings.params {
                settings.params = params.mapValues { Located(templates.render($0.value, at: $0.range), at: $0.range) }
            }
            return RenderedTask(spec: task, settings: settings, kind: render(task.kind, declaredAt: task.declaration),
                                datasource: settings.datasource.flatMap { environment.datasources[$0.value] })
        }
        var params = workflow.params.map {
            RenderedWorkflow.Parameter(name: $0.name.value, value: templates.render($0.value.value, at: $0.value.range))
        }
        for (name, value) in (override?.params ?? [:]).sorted(by: { $0.key < $1.key }) {
            let rendered = templates.render(value.value, at: value.range)
            if let index = params.firstIndex(where: { $0.name == name }) {
                params[index].value = rendered
            } else {
                params.append(.init(name: name, value: rendered))
            }
        }
        let schedule: WorkflowSchedule? = switch (workflow.schedule, override?.schedule) {
        case let (base?, change?): change.merged(over: base)
        case let (base, change): base ?? change
        }
        return RenderedWorkflow(spec: workflow, tasks: tasks, schedule: schedule, parameterList: params)
    }

    /// The same renderer with no diagnostics or secrets collected yet, to render a share of the workflows.
    func startingFresh() -> EnvironmentRenderer {
        var copy = self
        copy.templates.forgetCollected()
        return copy
    }

    /// Takes over what a share's renderer collected.
    mutating func absorb(_ share: EnvironmentRenderer) {
        templates.absorb(share.templates)
    }

    mutating func engineConnection() -> EngineConnection? {
        guard let engine = environment.engine else { return nil }
        let authentication: EngineConnection.Authentication? = switch engine.authentication {
        case .token(let token)?: .token(templates.render(token.value, at: token.range))
        case .credentials(let user, let password)?:
            .credentials(user: templates.render(user.value, at: user.range),
                         password: templates.render(password.value, at: password.range))
        case nil: nil
        }
        return EngineConnection(url: templates.render(engine.url.value, at: engine.url.range),
                                authentication: authentication, api: engine.api)
    }

    private mutating func render(_ kind: TaskKind, declaredAt declaration: SourceRange) -> TaskKind {
        switch kind {
        case .sql(let text): .sql(render(text))
        case .shell(let text): .shell(render(text))
        case .python(let text): .python(render(text))
        case .http(let http): .http(render(http))
        case .passThrough(let type, let params): .passThrough(type: type, params: render(params, at: declaration))
        case .dependent, .subProcess, .conditions, .switch: kind
        }
    }

    private mutating func render(_ text: TaskText) -> TaskText {
        guard rendersTexts else {
            templates.check(text.text, at: text.start)
            return text
        }
        return TaskText(templates.render(text.text, at: text.start), start: text.start)
    }

    private mutating func render(_ http: HTTPTask) -> HTTPTask {
        var http = http
        let at = http.url.range
        http.url.value = templates.render(http.url.value, at: at)
        if let body = http.body { http.body = templates.render(body, at: at) }
        for (key, value) in http.headers { http.headers[key] = templates.render(value, at: at) }
        for (key, value) in http.query { http.query[key] = templates.render(value, at: at) }
        return http
    }

    /// Raw params keep their structure; only their strings are rendered.
    private mutating func render(_ value: JSONValue, at declaration: SourceRange) -> JSONValue {
        switch value {
        case .string(let text): return .string(templates.render(text, at: declaration))
        case .array(let items):
            var rendered: [JSONValue] = []
            for item in items { rendered.append(render(item, at: declaration)) }
            return .array(rendered)
        case .object(let object):
            var rendered: [String: JSONValue] = [:]
            for (key, item) in object { rendered[key] = render(item, at: declaration) }
            return .object(rendered)
        case .null, .bool, .int, .double: return value
        }
    }
}
