from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's HTML pages without the inline <style> of Pygments colours it adds whenever Pygments
    is installed: the Content-Security-Policy refuses inline styles, and the colours are only for
    Markdown descriptions, which Factbook does not render. Its template fits a phone's screen."""

    template = "api/browsable_api.html"

    def get_context(self, *args, **kwargs):
        return {**super().get_context(*args, **kwargs), "code_style": None}
