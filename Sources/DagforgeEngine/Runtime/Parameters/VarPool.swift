import DagforgeWire

/// The var pool: OUT parameters flowing downstream (DolphinScheduler's VarPoolUtils). A task starts with the
/// merged pools of its direct upstream tasks and finishes with that pool plus its own OUT values.
public enum VarPool {
    /// Merges pools in order; only OUT properties count, and a later pool wins for the same name.
    public static func merge(_ pools: [[Property]]) -> [Property] {
        var order: [String] = []
        var byName: [String: Property] = [:]
        for property in pools.joined() where property.direct == .OUT {
            if byName.updateValue(property, forKey: property.prop) == nil { order.append(property.prop) }
        }
        return order.compactMap { byName[$0] }
    }
}
