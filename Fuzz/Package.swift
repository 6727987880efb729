// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets, kept out of the main package so that `swift build` and `swift test` never
/// build them. Built by `Scripts/fuzz.sh` with `-sanitize=fuzzer,address` (see the README).
let package = Package(
    name: "SelfFormationFuzz",
    dependencies: [
        // The main package, by path: its XML readers and the sign-in sheet reader are fuzzed.
        .package(name: "SelfFormation", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "formation-fuzz",
            dependencies: [.product(name: "FormationXML", package: "SelfFormation"),
                           .product(name: "FormationUseCases", package: "SelfFormation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
