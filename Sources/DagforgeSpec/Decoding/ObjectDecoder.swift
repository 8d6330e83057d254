/// Decodes a YAML mapping into `Target` field by field: unknown keys get DF102 with "did you mean",
/// values of the wrong type get DF103, and every other field is still decoded.
struct ObjectDecoder<Target>: Sendable {
    struct Field: Sendable {
        let key: String
        let shape: ValueShape
        let summary: String
        let decode: @Sendable (inout Target, SpecNode, inout DecodingContext) -> Void

        init(_ key: String, _ shape: ValueShape, _ summary: String,
             _ decode: @escaping @Sendable (inout Target, SpecNode, inout DecodingContext) -> Void) {
            self.key = key
            self.shape = shape
            self.summary = summary
            self.decode = decode
        }
    }

    let title: String
    let fields: [Field]
    var required: [String] = []

    var shape: ObjectShape {
        ObjectShape(title: title, properties: fields.map { .init(key: $0.key, shape: $0.shape, summary: $0.summary) },
                    required: required)
    }

    /// Decodes `node` into `target`; returns false when `node` is not a mapping at all.
    @discardableResult
    func decode(_ node: SpecNode, into target: inout Target, _ context: inout DecodingContext,
                where location: String) -> Bool {
        guard let entries = node.entries else {
            if !node.isNull {
                context.error("DF103", "\(location) must be a mapping, found \(node.kindDescription)",
                              hint: "Write \(location) as `key: value` lines.", at: node.range)
            }
            return false
        }
        for entry in entries {
            guard let field = fields.first(where: { $0.key == entry.key }) else {
                let suggestion = NameSuggestion.closest(to: entry.key, in: fields.map(\.key))
                context.error("DF102", "unknown key '\(entry.key)' in \(location)"
                              + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                              hint: "Known keys: \(fields.map(\.key).joined(separator: ", ")).", at: entry.keyRange)
                continue
            }
            guard field.shape.accepts(entry.value) else {
                context.wrongType(entry.value, key: entry.key, expected: field.shape)
                continue
            }
            field.decode(&target, entry.value, &context)
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            context.error("DF303", "\(location) is missing '\(key)'", hint: "Add '\(key)'.", at: node.range)
        }
        return true
    }
}
