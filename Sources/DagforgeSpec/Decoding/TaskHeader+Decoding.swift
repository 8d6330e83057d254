/// The typed content of a task header: an optional `name` override and task settings.
struct HeaderFields: TaskSettingsCarrier {
    var name: Located<String>?
    var settings = TaskSettings()

    static let decoder = ObjectDecoder<HeaderFields>(
        title: "Task file header",
        fields: [
            .init("name", .string, "Task name; defaults to the file name without extension.") { fields, node, _ in
                fields.name = node.locatedString
            },
        ] + TaskSettings.fields(for: HeaderFields.self)
    )
}

extension TaskHeader {
    /// Decodes the entries with the same field decoders as YAML, each value typed as an unquoted YAML scalar.
    func decodeFields(_ context: inout DecodingContext, file: String) -> HeaderFields {
        let mapping = SpecNode(.mapping(entries.map {
            SpecNode.Entry(key: $0.key.value, keyRange: $0.key.range,
                           value: .plainScalar($0.value.value, range: $0.value.range))
        }), range: body.start)
        var fields = HeaderFields()
        HeaderFields.decoder.decode(mapping, into: &fields, &context, where: "the header of \(file)")
        return fields
    }
}
