from . import test_conduct_rule
from . import test_conduct_fine
from . import test_conduct_appeal
from . import test_conduct_access
from . import test_conduct_report
from . import test_conduct_tour
from . import test_conduct_guard
