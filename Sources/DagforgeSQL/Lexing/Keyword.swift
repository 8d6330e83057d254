/// The words the analyzer reacts to. Any other word is an identifier.
enum Keyword: String, CaseIterable, Sendable {
    case alter, analyze, and, anti, apply, `as`, begin, by, cache, `case`, clone, cluster, copy, create
    case cross, data, delete, delimiter, directory, distinct, distribute, `do`, drop, end, event, except
    case exchange, exists, explain, external, fetch, from, full, function, global, group, having, `if`
    case ignore, inner, insert, intersect, into, `is`, join, lateral, lazy, left, like, limit, load, local
    case loop, materialized, merge, minus, natural, not, offset, on, only, or, order, outer, overwrite
    case partition, procedure, qualify, recursive, rename, `repeat`, replace, returning, right, row
    case schema, search_path, select, semi, set, sort, table, temp, temporary, to, transaction, trigger
    case union, unlogged, update, use, using, values, view, when, `where`, `while`, window, with
    case low_priority, high_priority, delayed, quick, database, work, deferred, immediate, exclusive
    case transient, volatile, unique, straight_join

    /// Words that cannot be a table name or alias where a table name is expected.
    var isReserved: Bool {
        switch self {
        case .select, .from, .where, .group, .having, .order, .limit, .union, .intersect, .except, .minus,
             .join, .on, .using, .as, .set, .values, .with, .into, .left, .right, .inner, .outer, .full,
             .cross, .natural, .lateral, .window, .qualify, .table, .insert, .update, .delete, .merge,
             .create, .drop, .when, .case, .end, .not, .and, .or, .is, .by, .returning, .if, .partition,
             .semi, .anti, .apply, .straight_join, .offset, .fetch, .cluster, .distribute, .sort, .like, .exists, .distinct:
            return true
        default:
            return false
        }
    }

    /// Keywords that are also function names, so `left(...)` is a call.
    var isFunctionName: Bool {
        switch self {
        case .left, .right, .replace, .if, .insert: return true
        default: return false
        }
    }

    /// Words that end a `FROM a, b` list when they appear at the list's nesting level.
    var endsTableList: Bool {
        switch self {
        case .where, .group, .having, .order, .limit, .union, .intersect, .except, .minus, .window,
             .qualify, .select, .insert, .set, .values, .returning, .lateral, .cluster, .distribute, .sort,
             .offset, .fetch, .when:
            return true
        default:
            return false
        }
    }
}

/// Up to 16 bytes of a word packed into two integers, folded to lowercase: a cheap key for keyword lookup.
///
/// Folding is `byte | 0x20`: it lowercases letters, keeps digits, `$` and non-ASCII bytes, and maps `_` to
/// 0x7F, which no word holds, so two words fold alike only when they differ in the case of letters. Every
/// folded byte is non-zero, so the zero bytes after a short word keep lengths apart.
struct PackedWord: Equatable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0

    /// The longest word that fits.
    static let capacity = 16

    private static let fold: UInt64 = 0x2020_2020_2020_2020

    init<Bytes: Collection<UInt8>>(_ spelling: Bytes) {
        for (index, byte) in spelling.prefix(Self.capacity).enumerated() {
            let folded = UInt64(byte | 0x20)
            if index < 8 {
                low |= folded << (UInt64(index) * 8)
            } else {
                high |= folded << (UInt64(index - 8) * 8)
            }
        }
    }

    /// The first `length` bytes at `start`, which must be followed by at least `capacity` readable bytes
    /// in all: two unaligned loads instead of a loop over the word's bytes.
    init(loadingFrom start: UnsafeRawPointer, length: Int) {
        let first = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = (first | Self.fold) & Self.mask(length)
        high = (second | Self.fold) & Self.mask(length - 8)
    }

    /// The low `count` bytes set (none below zero, all eight from eight on).
    private static func mask(_ count: Int) -> UInt64 {
        if count <= 0 { return 0 }
        if count >= 8 { return .max }
        return (1 << (UInt64(count) * 8)) - 1
    }
}

/// Keywords by packed spelling. Open addressing with a multiplicative hash: this lookup runs for every word
/// of every SQL file, and `Dictionary`'s seeded SipHash cost more than the rest of lexing a word.
struct KeywordTable: Sendable {
    private var slots: [(word: PackedWord, keyword: Keyword)?]
    private let shift: UInt64

    init(_ keywords: [Keyword]) {
        // At most a quarter full, so a probe rarely goes past its first slot.
        var bits: UInt64 = 4
        while (1 << bits) < keywords.count * 4 { bits += 1 }
        shift = 64 - bits
        slots = Array(repeating: nil, count: 1 << bits)
        for keyword in keywords {
            let word = PackedWord(keyword.rawValue.utf8)
            var slot = self.slot(of: word)
            while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = (word, keyword)
        }
    }

    subscript(word: PackedWord) -> Keyword? {
        var slot = slot(of: word)
        while let entry = slots[slot] {
            if entry.word == word { return entry.keyword }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private func slot(of word: PackedWord) -> Int {
        Int(truncatingIfNeeded: ((word.low &* 0x9E37_79B9_7F4A_7C15) ^ (word.high &* 0xC2B2_AE3D_27D4_EB4F)) >> shift)
    }
}

let keywordsByPackedSpelling = KeywordTable(Keyword.allCases)
