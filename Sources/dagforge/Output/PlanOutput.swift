import ArgumentParser
import DagforgeDeploy

/// The formats `plan` prints, and the rendering of each.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    func render(_ plan: Plan, color: Bool) throws -> String {
        switch self {
        case .text: PlanTextRenderer(color: color).render(plan)
        case .json: try PlanJSONRenderer.render(plan)
        case .markdown: PlanMarkdownRenderer().render(plan)
        }
    }
}
