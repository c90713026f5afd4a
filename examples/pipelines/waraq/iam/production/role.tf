# Deploy role of waraq in production (account 444444444444), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "waraq_production" {
  name               = "waraq-delivery"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::444444444444:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:example-org/waraq:ref:refs/heads/main",
              "repo:example-org/waraq:environment:production"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "waraq_production" {
  name   = "waraq-delivery"
  role   = aws_iam_role.waraq_production.id
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
          "arn:aws:ecr:eu-central-1:444444444444:repository/waraq/api"
        ]
      },
      {
        "Sid": "SiteBucketList",
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::waraq-production-site"
      },
      {
        "Sid": "SiteObjects",
        "Effect": "Allow",
        "Action": [
          "s3:AbortMultipartUpload",
          "s3:DeleteObject",
          "s3:PutObject"
        ],
        "Resource": "arn:aws:s3:::waraq-production-site/*"
      },
      {
        "Sid": "SiteInvalidation",
        "Effect": "Allow",
        "Action": [
          "cloudfront:CreateInvalidation",
          "cloudfront:GetDistribution",
          "cloudfront:GetInvalidation"
        ],
        "Resource": "arn:aws:cloudfront::444444444444:distribution/E2WARAQPRODUCTION"
      }
    ]
  })
}
