/// Bounds on what one document may make the reader do, checked before libxml2 sees the bytes
/// (size, tag length, attribute and namespace counts, text runs) or while walking the nodes
/// (depth, decoded text length). Hostile files meet a clear error, never a hang or a crash.
///
/// The defaults suit real packs of hundreds of MB; tests use small caps.
public struct XMLLimits: Sendable, Equatable {
    /// Largest accepted file, in bytes.
    public var maxFileBytes: Int
    /// Longest start or end tag, attributes included, in bytes. Bounds the attributes libxml2
    /// compares pairwise for duplicates (quadratic) before it ever sees them.
    public var maxTagBytes: Int
    /// Longest text (between two tags, CDATA included), comment or processing instruction, in bytes.
    public var maxTextBytes: Int
    /// Deepest element nesting; the root is at depth 1.
    public var maxDepth: Int
    /// Most attributes on one element, `xml:lang` included, namespace declarations not.
    public var maxAttributes: Int
    /// Most namespace declarations (`xmlns`, `xmlns:p`) on one element.
    public var maxNamespaceDeclarations: Int
    /// Issues reported per file before the reader stops with a `tooManyErrors` line.
    public var maxIssues: Int

    public init(
        maxFileBytes: Int = 4 << 30, maxTagBytes: Int = 16 << 10, maxTextBytes: Int = 1 << 20,
        maxDepth: Int = 64, maxAttributes: Int = 32, maxNamespaceDeclarations: Int = 8, maxIssues: Int = 20
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxTagBytes = maxTagBytes
        self.maxTextBytes = maxTextBytes
        self.maxDepth = maxDepth
        self.maxAttributes = maxAttributes
        self.maxNamespaceDeclarations = maxNamespaceDeclarations
        self.maxIssues = maxIssues
    }

    public static let `default` = XMLLimits()
}
