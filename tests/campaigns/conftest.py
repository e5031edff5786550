from tests.dashboard.conftest import page_form  # noqa: F401  (the dashboard's fixture)
