import Foundation
import DagforgeWire

/// Conversions the field decoders share. They are called after the shape check, so they only fail on
/// values of the right type but the wrong content (DF106).
extension SpecNode {
    var locatedString: Located<String> { Located(scalarText ?? "", at: range) }

    var stringList: [Located<String>] {
        (elements ?? []).map(\.locatedString)
    }

    var stringMap: [String: Located<String>] {
        Dictionary((entries ?? []).map { ($0.key, $0.value.locatedString) }, uniquingKeysWith: { first, _ in first })
    }

    /// Minutes from `90`, `"5m"`, `"1h"`, `"1d"` or `"120s"`; nil with a DF106 diagnostic otherwise.
    func minutes(_ key: String, _ context: inout DecodingContext) -> Int? {
        if let integer { return integer >= 0 ? integer : invalidDuration(key, &context) }
        let text = (scalarText ?? "").trimmingBlanks()
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else {
            return invalidDuration(key, &context)
        }
        switch unit {
        case "s" where amount % 60 == 0: return amount / 60
        case "m": return amount
        case "h": return amount * 60
        case "d": return amount * 1440
        default: return invalidDuration(key, &context)
        }
    }

    private func invalidDuration(_ key: String, _ context: inout DecodingContext) -> Int? {
        context.invalidValue(self, "'\(key)' is not a valid duration: '\(scalarText ?? "")'",
                             hint: "Write minutes as an integer, or a number with a unit: 90s, 5m, 1h, 1d (whole minutes).")
        return nil
    }

    /// A value of a wire enum, matched case-insensitively (`medium` → `MEDIUM`).
    func wireEnum<E: RawRepresentable & CaseIterable>(_ type: E.Type, key: String,
                                                      _ context: inout DecodingContext) -> E? where E.RawValue == String {
        let text = String((scalarText ?? "").uppercased().map { $0 == "-" ? "_" : $0 })
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        context.invalidValue(self, "'\(scalarText ?? "")' is not a valid \(key)"
                             + NameSuggestion.phrase(for: text, in: names),
                             hint: "Use one of: \(names.joined(separator: ", ")).")
        return nil
    }

    /// The value as raw JSON, for DolphinScheduler task params passed through untouched.
    var json: JSONValue {
        switch content {
        case .scalar(let text, .string): .string(text)
        case .scalar(let text, .integer): Int64(text).map(JSONValue.int) ?? .string(text)
        case .scalar(let text, .float): Double(text).map(JSONValue.double) ?? .string(text)
        case .scalar(let text, .boolean): .bool(text.lowercased() == "true")
        case .scalar(_, .null): .null
        case .mapping(let entries):
            .object(Dictionary(entries.map { ($0.key, $0.value.json) }, uniquingKeysWith: { first, _ in first }))
        case .sequence(let elements): .array(elements.map(\.json))
        }
    }
}
