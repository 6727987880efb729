// swift-tools-version: 6.0
import PackageDescription

/// The in-process latency probe of the benchmarks (BENCHMARKS.md), kept out of the main package so
/// that `swift build` and `swift test` never build it. `Scripts/bench.sh` builds it in release mode
/// together with `formation` (a product of the main package, by path) into `.build-bench/`.
let package = Package(
    name: "SelfFormationBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The main package, by path: the probe calls its use cases directly.
        .package(name: "SelfFormation", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "formation-bench",
            dependencies: [.product(name: "FormationUseCases", package: "SelfFormation")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
        // The planner's benchmark (issue 23): generated battles solved in process.
        .executableTarget(
            name: "formation-plan-bench",
            dependencies: [
                .product(name: "FormationPlanning", package: "SelfFormation"),
                .product(name: "FormationPlanningSamples", package: "SelfFormation"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
