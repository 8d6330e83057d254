/// `taskParams` of the two types that make up nearly every workflow, built as a `JSONValue` directly: a plan
/// exports all 40,000 tasks of a repository, and the generic `JSONValue(encoding:)` was most of the export's time.
/// `JSONValueEncoderTests` hold each equal to what `JSONValue(encoding:)` gives, so a field added to the struct
/// and forgotten here fails a test.
extension SqlParameters {
    public var jsonValue: JSONValue {
        .object([
            "localParams": .array(localParams.map(\.jsonValue)),
            "type": .string(type),
            "datasource": .int(Int64(datasource)),
            "sql": .string(sql),
            "sqlType": .int(Int64(sqlType)),
            "sendEmail": .bool(sendEmail),
            "displayRows": .int(Int64(displayRows)),
            "title": .string(title),
            "groupId": .int(Int64(groupId)),
            "udfs": .string(udfs),
            "connParams": .string(connParams),
            "preStatements": .array(preStatements.map(JSONValue.string)),
            "postStatements": .array(postStatements.map(JSONValue.string)),
        ])
    }
}

extension ScriptParameters {
    public var jsonValue: JSONValue {
        .object([
            "localParams": .array(localParams.map(\.jsonValue)),
            "rawScript": .string(rawScript),
            "resourceList": .array(resourceList.map { .object(["resourceName": .string($0.resourceName)]) }),
        ])
    }
}

extension Property {
    public var jsonValue: JSONValue {
        .object(["prop": .string(prop), "direct": .string(direct.rawValue), "type": .string(type.rawValue), "value": .string(value)])
    }
}
