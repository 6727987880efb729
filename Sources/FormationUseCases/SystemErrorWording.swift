public import FormationDomain
import Foundation

/// The system words its errors (`strerror`) in English only. The ones people meet with files —
/// a folder that does not exist, a full disk or memory stick, one that is read-only or failing —
/// are said again through the catalogue; any other keeps the system's text.
public enum SystemErrorWording {
    static let known: [Int32: MessageID] = [
        ENOENT: .systemNoSuchFile, EACCES: .systemPermissionDenied, EPERM: .systemPermissionDenied,
        ENOSPC: .systemDiskFull, EROFS: .systemReadOnly, EISDIR: .systemIsDirectory, ENOTDIR: .systemNotDirectory,
        EIO: .systemInputOutput, ENAMETOOLONG: .systemNameTooLong, EEXIST: .systemExists, EMFILE: .systemTooManyFiles,
        ENFILE: .systemTooManyFiles, EDQUOT: .systemQuota, EPIPE: .systemBrokenPipe, EBUSY: .systemBusy, ETXTBSY: .systemBusy,
    ]

    /// The system's texts of the known errors, as `strerror` gives them here.
    static let byText: [String: MessageID] = Dictionary(known.map { (String(cString: strerror($0.key)), $0.value) },
                                                        uniquingKeysWith: { first, _ in first })

    /// A reason given as the system's text, as a message argument in the reader's language when it is a known one.
    public static func argument(_ reason: String) -> Message.Argument {
        byText[reason].map { .message(Message($0)) } ?? .text(reason)
    }
}
