import DagforgeWire
import Foundation

/// The plan as JSON: the same document a saved `PLANFILE` holds, plus `summary` and `hasChanges`, pretty
/// printed with sorted keys. `formatVersion` names the schema.
public enum PlanJSONRenderer {
    public static func render(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(plan: plan)), as: UTF8.self) + "\n"
    }

    /// Reads a saved plan (the output of `render`).
    public static func read(_ text: String) throws -> Plan {
        try WireJSON.decoder().decode(Plan.self, from: Data(text.utf8))
    }

    private struct Document: Encodable {
        var plan: Plan

        enum CodingKeys: String, CodingKey { case summary, hasChanges }

        func encode(to encoder: any Encoder) throws {
            try plan.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(plan.summary, forKey: .summary)
            try container.encode(plan.hasChanges, forKey: .hasChanges)
        }
    }
}
