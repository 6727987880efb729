import FormationDomain
import FormationUseCases
import FormationXML
import Foundation

/// What is fuzzed, from `FORMATION_FUZZ_TARGET`: `pack` (the default), `record` or `csv`.
enum FuzzTarget: String {
    case pack, record, csv
    static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["FORMATION_FUZZ_TARGET"] ?? "pack") ?? .pack
}

/// A record consumer that keeps nothing: the reader itself is under test.
struct DiscardingRecordConsumer: BattleRecordConsumer {
    mutating func item(_ item: BattleRecordItem, at position: XMLPosition) throws {}
}

/// libFuzzer's entry point: any bytes, read as a curriculum pack, a battle record or a typed
/// sign-in sheet. Each reader must answer with values or its own error, never crash, hang or touch
/// memory it does not own (ASan watches).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzTarget.current {
    case .pack:
        _ = try? CurriculumPackReader().readCurriculum(.bytes(bytes))
    case .record:
        var consumer = DiscardingRecordConsumer()
        try? BattleRecordReader().read(.bytes(bytes), into: &consumer)
    case .csv:
        _ = try? AttendanceSheet(data: Data(bytes), file: "fuzz.csv")
    }
    return 0
}
