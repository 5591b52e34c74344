# The action server: rasa-sdk's official image with the project's actions and date rules, started
# through addons/action_server.py (token check, masked logs). Context: the repository root.
FROM rasa/rasa-sdk:3.6.2

USER root
WORKDIR /app
# The one dependency of the actions that the rasa-sdk image lacks (pinned as in requirements.lock).
RUN pip install --no-cache-dir dateparser==1.2.0
COPY actions/ /app/actions/
COPY refund_rules/ /app/refund_rules/
COPY addons/ /app/addons/
ENV PYTHONPATH=/app
USER 1001
ENTRYPOINT ["python", "-m", "addons.action_server"]
CMD ["--port", "5055"]
