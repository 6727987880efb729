import FormationUseCases
import Foundation

/// Writing results: to stdout, or to a file that appears whole or not at all (written beside it,
/// then renamed), so a power cut never leaves half a file where the old one was.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileFailure.unwritable(path, reason: "is a directory")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileFailure.unwritable(path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Reading a small input (a CSV sheet) named on the command line; `-` is stdin.
enum InputText {
    static let maximumBytes = 16 << 20

    /// The bytes, for inputs that work out their own encoding (a typed sign-in sheet).
    static func bytes(_ path: String) throws -> Data {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileFailure.missing(path) }
            if isDirectory.boolValue { throw FileFailure.isDirectory(path) }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw FileFailure.unreadable(path, reason: "permission denied") }
            defer { try? handle.close() }
            data = (try? handle.read(upToCount: maximumBytes + 1)) ?? Data()
        }
        guard data.count <= maximumBytes else { throw FileFailure.notText(path) }
        return data
    }
}
