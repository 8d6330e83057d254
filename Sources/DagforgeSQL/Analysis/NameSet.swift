/// A set of table names for the few a script or statement holds.
///
/// A linear search through a short array costs less than hashing each name (SipHash with a per-process seed);
/// past `linearLimit` names it moves to a `Set`, so a script with thousands of tables stays linear in time.
/// Names compare with `String`'s `==`, as `Set<String>` does.
struct NameSet {
    private var few: [String] = []
    private var many: Set<String>?
    private static let linearLimit = 16

    func contains(_ name: String) -> Bool {
        if let many { return many.contains(name) }
        return few.contains(name)
    }

    mutating func insert(_ name: String) {
        if many != nil {
            many?.insert(name)
            return
        }
        guard !few.contains(name) else { return }
        few.append(name)
        if few.count > Self.linearLimit {
            many = Set(few)
            few.removeAll()
        }
    }

    mutating func removeAll() {
        few.removeAll(keepingCapacity: true)
        many = nil
    }
}
