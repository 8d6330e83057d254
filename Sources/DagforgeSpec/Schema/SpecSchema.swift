import DagforgeWire

/// JSON Schema (draft 2020-12) of the spec files, generated from the decoders' own field tables, so editors
/// can complete and check the YAML and the schema cannot drift from what dagforge accepts.
public enum SpecSchema {
    public static var workflowFile: JSONValue {
        document(WorkflowFile.decoder.shape, id: "workflow.schema.json",
                 description: "workflows/<name>/workflow.yaml: schedule, params, defaults and extra tasks of one workflow.")
    }

    public static var environmentFile: JSONValue {
        document(EnvironmentSpec.decoder.shape, id: "environment.schema.json",
                 description: "environments/<name>.yaml: engine, project, datasources, variables and overrides of one environment.")
    }

    public static var projectFile: JSONValue {
        document(ProjectSettings.decoder.shape, id: "dagforge.schema.json", description: "dagforge.yaml: project settings.")
    }

    /// All three schemas, keyed by file name.
    public static var all: JSONValue {
        .object(["workflow.schema.json": workflowFile, "environment.schema.json": environmentFile,
                 "dagforge.schema.json": projectFile])
    }

    private static func document(_ shape: ObjectShape, id: String, description: String) -> JSONValue {
        var schema = object(shape)
        schema["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        schema["$id"] = .string("https://dagforge.dev/schema/" + id)
        schema["description"] = .string(description)
        return .object(schema)
    }

    private static func object(_ shape: ObjectShape) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for property in shape.properties {
            var schema = self.schema(property.shape)
            schema["description"] = .string(property.summary)
            properties[property.key] = .object(schema)
        }
        var result: [String: JSONValue] = [
            "type": .array([.string("object"), .string("null")]),
            "title": .string(shape.title),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]
        if !shape.required.isEmpty { result["required"] = .array(shape.required.map(JSONValue.string)) }
        return result
    }

    private static func schema(_ shape: ValueShape) -> [String: JSONValue] {
        switch shape {
        // Unquoted YAML scalars such as 3 or true are accepted where a string is expected.
        case .string: return ["type": .array(["string", "integer", "number", "boolean"].map(JSONValue.string))]
        case .integer: return ["type": .string("integer")]
        case .boolean: return ["type": .string("boolean")]
        case .duration:
            return ["anyOf": .array([.object(["type": .string("integer"), "minimum": .int(0)]),
                                     .object(["type": .string("string"), "pattern": .string("^[0-9]+[smhd]$")])])]
        case .enumeration(let values):
            // Decoders match enum names case-insensitively (`priority: medium`).
            let spellings = values + values.map { $0.lowercased() }.filter { !values.contains($0) }
            return ["enum": .array(spellings.map(JSONValue.string))]
        case .list(let element): return ["type": .string("array"), "items": .object(schema(element))]
        case .map(let value): return ["type": .string("object"), "additionalProperties": .object(schema(value))]
        case .object(let object): return self.object(object)
        case .anyOf(let shapes): return ["anyOf": .array(shapes.map { .object(schema($0)) })]
        case .any: return [:]
        }
    }
}
