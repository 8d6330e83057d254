@testable import DagforgeDeploy
import DagforgeWire

extension EngineSnapshot {
    /// The DAGs of a snapshot built from `DagData` (never from cached bytes, so none fails to decode).
    /// Tests edit them in place; setting them recomputes the summaries, as a fresh read would.
    var definitions: [DagData] {
        get { deployed.compactMap { try? $0.dag() } }
        set { deployed = newValue.map(DeployedDag.init) }
    }
}
