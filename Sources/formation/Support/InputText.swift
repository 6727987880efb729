import FormationUseCases
import FormationViews
import Foundation

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
