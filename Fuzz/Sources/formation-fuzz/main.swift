import FormationXML

/// libFuzzer's entry point: any bytes, read as a curriculum pack. The reader must answer with a
/// pack or an `XMLReadFailure`, never crash, hang or touch memory it does not own (ASan watches).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? CurriculumPackReader().readCurriculum(.bytes(bytes))
    return 0
}
