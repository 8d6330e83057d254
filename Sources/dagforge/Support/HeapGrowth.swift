/// glibc's `mallopt`, which Swift's Glibc module does not export (it lives in `<malloc.h>`).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// How the heap grows. Loading 40,000 tasks on all cores grows every thread's heap a few pages at a time, one
/// `mprotect` call each (about 20,000 per `validate`); growing 64 MB at a time makes them rare and saves a
/// sixth of the system time. Untouched pages stay unmapped, so memory use does not change.
enum HeapGrowth {
    /// glibc's `M_TOP_PAD`.
    private static let topPad: Int32 = -2

    static func useLargeSteps() {
        _ = mallopt(topPad, 64 << 20)
    }
}
