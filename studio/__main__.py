from studio.paths import prepare_frozen_environment

prepare_frozen_environment()

from studio.cli.main import main  # noqa: E402

raise SystemExit(main())
