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

/// Up to 16 lowercase ASCII bytes packed into two integers: a cheap dictionary key for keyword lookup.
struct PackedWord: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    init(_ spelling: String) {
        for (index, byte) in spelling.utf8.enumerated() { append(byte, at: index) }
    }

    mutating func append(_ lowercaseByte: UInt8, at index: Int) {
        if index < 8 {
            low |= UInt64(lowercaseByte) << (UInt64(index) * 8)
        } else {
            high |= UInt64(lowercaseByte) << (UInt64(index - 8) * 8)
        }
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
            let word = PackedWord(keyword.rawValue)
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
