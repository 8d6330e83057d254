import Foundation

/// Encodes an `Encodable` straight into a `JSONValue`: the value `JSONEncoder` followed by a `JSONValue`
/// decode gives, without the text in between (the compiler builds `taskParams` for 40,000 tasks this way).
/// As in that round trip, integral floating-point numbers become `.int`, a URL its absolute string, a
/// `Date` its `timeIntervalSinceReferenceDate` and `Data` its base64 text (JSONEncoder's default strategies).
enum JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = JSONValueNode()
        try root.store(value, codingPath: [])
        return root.value
    }
}

/// One value under construction: a finished scalar, or an object or array whose members are still being
/// written (containers hand out references, so members can be added after the container is returned).
private final class JSONValueNode {
    private var scalar: JSONValue?
    private var members: [String: JSONValueNode]?
    private var elements: [JSONValueNode]?

    var value: JSONValue {
        if let scalar { return scalar }
        if let elements { return .array(elements.map(\.value)) }
        // A value that wrote nothing is an empty object, as in JSONEncoder's output.
        return .object((members ?? [:]).mapValues(\.value))
    }

    func set(_ scalar: JSONValue) {
        self.scalar = scalar
        members = nil
        elements = nil
    }

    func member(_ key: String) -> JSONValueNode {
        if members == nil { becomeObject() }
        let child = JSONValueNode()
        members![key] = child
        return child
    }

    func appendElement() -> JSONValueNode {
        if elements == nil { becomeArray() }
        let child = JSONValueNode()
        elements!.append(child)
        return child
    }

    func becomeObject() {
        if members != nil { return }
        scalar = nil
        elements = nil
        members = [:]
    }

    func becomeArray() {
        if elements != nil { return }
        scalar = nil
        members = nil
        elements = []
    }

    var count: Int { elements?.count ?? members?.count ?? 0 }

    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let json as JSONValue: set(json)
        case let text as String: set(.string(text))
        case let flag as Bool: set(.bool(flag))
        case let number as Int: set(.int(Int64(number)))
        case let number as Int64: set(.int(number))
        case let number as Double: set(try Self.number(number, codingPath: codingPath))
        case let url as URL: set(.string(url.absoluteString))
        case let date as Date: set(try Self.number(date.timeIntervalSinceReferenceDate, codingPath: codingPath))
        case let data as Data: set(.string(data.base64EncodedString()))
        default: try value.encode(to: JSONValueNodeEncoder(node: self, codingPath: codingPath))
        }
    }

    /// JSON has no NaN or infinity; JSONEncoder's default strategy throws for them too.
    static func number(_ number: Double, codingPath: [any CodingKey]) throws -> JSONValue {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "\(number) is not valid JSON"))
        }
        if number.rounded() == number, let integer = Int64(exactly: number) { return .int(integer) }
        return .double(number)
    }

    static func integer<N: BinaryInteger>(_ number: N) -> JSONValue {
        Int64(exactly: number).map { .int($0) } ?? .double(Double(number))
    }
}

private struct JSONValueNodeEncoder: Encoder {
    let node: JSONValueNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueNodeContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONValueNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.member(key.stringValue).set(try JSONValueNode.number(value, codingPath: codingPath + [key]))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        // Through its shortest text, as JSONEncoder writes it (0.1 stays 0.1, not 0.10000000149011612).
        node.member(key.stringValue).set(try JSONValueNode.number(Double("\(value)") ?? .nan, codingPath: codingPath + [key]))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.member(key.stringValue).set(.int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { node.member(key.stringValue).set(JSONValueNode.integer(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { node.member(key.stringValue).set(.int(Int64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { node.member(key.stringValue).set(JSONValueNode.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.member(key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        JSONValueNodeEncoder(node: node.member("super"), codingPath: codingPath + [JSONValueKey(stringValue: "super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONValueNodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONValueNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private var nextKey: JSONValueKey { JSONValueKey(intValue: count) }

    mutating func encodeNil() throws { node.appendElement().set(.null) }
    mutating func encode(_ value: Bool) throws { node.appendElement().set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.appendElement().set(.string(value)) }
    mutating func encode(_ value: Double) throws {
        let key = nextKey
        node.appendElement().set(try JSONValueNode.number(value, codingPath: codingPath + [key]))
    }
    mutating func encode(_ value: Float) throws { try encode(Double("\(value)") ?? .nan) }
    mutating func encode(_ value: Int) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { node.appendElement().set(.int(value)) }
    mutating func encode(_ value: UInt) throws { node.appendElement().set(JSONValueNode.integer(value)) }
    mutating func encode(_ value: UInt8) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { node.appendElement().set(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { node.appendElement().set(JSONValueNode.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = nextKey
        try node.appendElement().store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = nextKey
        let child = node.appendElement()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let child = node.appendElement()
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        return JSONValueNodeEncoder(node: node.appendElement(), codingPath: codingPath + [key])
    }
}

private struct SingleValueNodeContainer: SingleValueEncodingContainer {
    let node: JSONValueNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(try JSONValueNode.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { try encode(Double("\(value)") ?? .nan) }
    mutating func encode(_ value: Int) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { node.set(.int(value)) }
    mutating func encode(_ value: UInt) throws { node.set(JSONValueNode.integer(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { node.set(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { node.set(JSONValueNode.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
}

/// Keys for array positions and `super`.
private struct JSONValueKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
