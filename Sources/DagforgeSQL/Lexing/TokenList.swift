/// The lexer's tokens, in memory the list manages itself.
///
/// Appending a token is the lexer's innermost step; an `Array` stored in the lexer checks uniqueness and
/// capacity out of line on every append. Tokens are plain values, so growing is a byte copy.
/// The owner calls `deallocate()` once it is done with `buffer`.
struct TokenList {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    var last: Token? { count > 0 ? base[count - 1] : nil }

    /// The tokens; valid until the next `append` or `deallocate()`.
    var buffer: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: base, count: count) }

    func deallocate() { base.deallocate() }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
