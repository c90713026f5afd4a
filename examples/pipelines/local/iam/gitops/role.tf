# Deploy role of local in gitops (account 123456789012), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "local_gitops" {
  name               = "gantry-deploy"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:gantry-ci/gantry:ref:refs/heads/main",
              "repo:gantry-ci/gantry:environment:gitops"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "local_gitops" {
  name   = "local-delivery"
  role   = aws_iam_role.local_gitops.id
  policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "EcrLogin",
        "Effect": "Allow",
        "Action": "ecr:GetAuthorizationToken",
        "Resource": "*"
      },
      {
        "Sid": "EcrPush",
        "Effect": "Allow",
        "Action": [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:CreateRepository",
          "ecr:DescribeImages",
          "ecr:DescribeRepositories",
          "ecr:GetDownloadUrlForLayer",
          "ecr:GetLifecyclePolicy",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:PutImageScanningConfiguration",
          "ecr:PutImageTagMutability",
          "ecr:PutLifecyclePolicy",
          "ecr:UploadLayerPart"
        ],
        "Resource": [
          "arn:aws:ecr:us-east-1:123456789012:repository/gantry/gitops/app"
        ]
      }
    ]
  })
}
