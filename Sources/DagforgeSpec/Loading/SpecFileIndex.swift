/// Spec files by path: a binary search over the path-sorted list the sources return, so loading builds no
/// 40,000-entry dictionary for the few files `workflow.yaml` entries point to.
public struct SpecFileIndex: Sendable {
    private let files: [SpecFile]

    public init(_ files: [SpecFile]) {
        let sorted = zip(files, files.dropFirst()).allSatisfy { $0.path < $1.path }
        self.files = sorted ? files : files.sorted { $0.path < $1.path }
    }

    public subscript(path: String) -> SpecFile? {
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].path == path ? files[low] : nil
    }
}
