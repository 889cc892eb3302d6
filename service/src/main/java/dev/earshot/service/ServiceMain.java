package dev.earshot.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line every earshot service shares: {@code --config FILE} (over the bundled {@code
 * <name>.properties}; {@code EARSHOT_*} variables win over both), {@code --help}, {@code
 * --version}; then the service runs until the JVM is asked to stop, and closes cleanly on the way
 * out.
 */
public final class ServiceMain {
  private static final Logger log = LoggerFactory.getLogger(ServiceMain.class);

  /** The {@code --config} option, as a picocli mixin for commands with more options (ingest). */
  public static final class ConfigOption {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "Properties file over the bundled defaults; EARSHOT_* environment variables win.")
    Path file;

    public ServiceConfig load(String service) {
      return ServiceConfig.load(service, file, System.getenv(), Map.of());
    }
  }

  /** {@code --version}: the version the jar's manifest states, as earshot_build_info does. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"earshot " + Metrics.VERSION};
    }
  }

  @Command(mixinStandardHelpOptions = true, versionProvider = Version.class)
  private static final class StreamAppCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    private final StreamApp app;

    StreamAppCommand(StreamApp app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      runUntilStopped(app.name(), StreamAppRunner.start(app, config.load(app.name())));
      return null;
    }
  }

  /** The {@code main} of a Streams app: parses the arguments, starts it, stops it on exit. */
  public static void run(StreamApp app, String description, String[] args) {
    exitOnFailure(execute(app, description, args));
  }

  static int execute(StreamApp app, String description, String[] args) {
    CommandLine command = new CommandLine(new StreamAppCommand(app)).setCommandName(app.name());
    command.getCommandSpec().usageMessage().description(description);
    return command.execute(args);
  }

  /** Runs any command (ingest's has more options) with the same exit rule. */
  public static void run(Object command, String name, String[] args) {
    exitOnFailure(new CommandLine(command).setCommandName(name).execute(args));
  }

  /** Closes the service when the JVM is asked to stop (Ctrl-C, SIGTERM). */
  public static <S extends RunningService> S runUntilStopped(String name, S service) {
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, name + "-shutdown"));
    log.info("{} running; health, readiness and metrics at {}", name, service.baseUrl());
    return service;
  }

  /**
   * 0: a service started (its threads keep the JVM running) or the command is done (help, version,
   * a one-off replay); anything else is a failure, and the JVM exits with it.
   */
  private static void exitOnFailure(int code) {
    if (code != 0) {
      System.exit(code);
    }
  }

  private ServiceMain() {}
}
