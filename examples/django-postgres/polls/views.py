from django.http import JsonResponse

from .models import Question


def index(request):
    """The questions, newest first: a route that reads the database."""
    questions = Question.objects.order_by("-published").values_list("text", flat=True)[:10]
    return JsonResponse({"count": Question.objects.count(), "latest": list(questions)})
