from . import conduct
from . import grading
